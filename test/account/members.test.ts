// Invitations, roles and the organization's last owner.
import { beforeAll, describe, expect, it } from "vitest";
import * as invites from "@/app/api/v1/[orgName]/projects/[projectName]/members/invites/route";
import * as member from "@/app/api/v1/[orgName]/projects/[projectName]/members/[userId]/route";
import * as members from "@/app/api/v1/[orgName]/projects/[projectName]/members/route";
import * as invite from "@/app/api/v1/invites/[token]/route";
import * as accept from "@/app/api/v1/invites/[token]/accept/route";
import { call } from "../support/http";
import { createTestProject, type TestProject } from "../support/fixtures";
import { createMember } from "../support/users";

let p: TestProject;
beforeAll(async () => {
  p = await createTestProject();
});
const params = (extra: Record<string, string> = {}) => ({ orgName: p.org, projectName: p.project, ...extra });

async function inviteAs(cookie: string, email: string, role: string) {
  return call(invites.POST, { path: `${p.base}/members/invites`, params: params(), headers: { cookie }, body: { email, role } });
}

describe("invitations", () => {
  it("an admin invites, the invitee reads and accepts the link once, and joins with the role", async () => {
    const admin = await createMember(p, "admin");
    const unique = p.org.toLowerCase(); // the same database may serve several runs
    const email = `new.person.${unique}@example.com`;
    const created = await inviteAs(admin.cookie, `New.Person.${unique}@Example.com`, "editor");
    expect(created.status).toBe(201);
    const { token, path } = created.json;
    expect(path).toBe(`/invite/${token}`);

    const info = await call(invite.GET, { path: `/api/v1/invites/${token}`, params: { token } });
    expect(info.json).toMatchObject({ organization: p.org, email, role: "editor", accountExists: false });

    const short = await call(accept.POST, { path: `/api/v1/invites/${token}/accept`, params: { token }, body: { password: "short" } });
    expect(short.status).toBe(400);
    expect(short.json.error.details[0].path).toBe("password");

    const joined = await call(accept.POST, { path: `/api/v1/invites/${token}/accept`, params: { token }, body: { password: "a long enough password" } });
    expect(joined.status).toBe(200);
    expect(joined.json).toEqual({ email, organization: p.org, role: "editor" });

    const again = await call(accept.POST, { path: `/api/v1/invites/${token}/accept`, params: { token }, body: { password: "a long enough password" } });
    expect(again.status).toBe(404);

    const list = await call(members.GET, { path: `${p.base}/members`, params: params(), headers: { cookie: admin.cookie } });
    expect(list.json.members.map((m: { email: string; role: string }) => `${m.email}:${m.role}`)).toContain(`${email}:editor`);
  });

  it.each(["editor", "viewer"] as const)("a %s cannot invite", async (role) => {
    const m = await createMember(p, role);
    expect((await inviteAs(m.cookie, "x@example.com", "viewer")).status).toBe(403);
  });

  it("API keys cannot manage members", async () => {
    const res = await call(invites.POST, { path: `${p.base}/members/invites`, params: params(), key: p.keys.manage, body: { email: "k@example.com", role: "viewer" } });
    expect(res.status).toBe(403);
  });

  it("only an owner can invite an owner; a bad role or email is a 400 naming the field", async () => {
    const admin = await createMember(p, "admin");
    expect((await inviteAs(admin.cookie, "o@example.com", "owner")).status).toBe(403);
    const bad = await inviteAs(admin.cookie, "not-an-email", "superuser");
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["email", "role"]);
  });

  it("an existing account accepts with its own password", async () => {
    const owner = await createMember(p, "owner");
    const other = await createTestProject();
    const person = await createMember(other, "viewer");
    const { token } = (await inviteAs(owner.cookie, person.email, "viewer")).json;
    expect((await call(invite.GET, { path: "/", params: { token } })).json.accountExists).toBe(true);
    expect((await call(accept.POST, { path: "/", params: { token }, body: { password: "not their password" } })).status).toBe(401);
    expect((await call(accept.POST, { path: "/", params: { token }, body: { password: person.password } })).status).toBe(200);
  });
});

describe("roles", () => {
  it("the last owner can be neither demoted nor removed; with a second owner, they can", async () => {
    const q = await createTestProject();
    const a = await createMember(q, "owner");
    const qp = { orgName: q.org, projectName: q.project };
    const demote = await call(member.PATCH, { path: "/", params: { ...qp, userId: a.id }, headers: { cookie: a.cookie }, body: { role: "admin" } });
    expect(demote.status).toBe(409);
    expect((await call(member.DELETE, { path: "/", params: { ...qp, userId: a.id }, headers: { cookie: a.cookie } })).status).toBe(409);

    const b = await createMember(q, "owner");
    expect((await call(member.PATCH, { path: "/", params: { ...qp, userId: a.id }, headers: { cookie: b.cookie }, body: { role: "viewer" } })).status).toBe(200);
  });

  it("an admin cannot demote an owner", async () => {
    const owner = await createMember(p, "owner");
    const admin = await createMember(p, "admin");
    const res = await call(member.PATCH, { path: "/", params: params({ userId: owner.id }), headers: { cookie: admin.cookie }, body: { role: "viewer" } });
    expect(res.status).toBe(403);
  });
});

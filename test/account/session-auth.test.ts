// The console's session works on the management API like a key, within the limits of the member's role.
import { beforeAll, describe, expect, it } from "vitest";
import * as sources from "@/app/api/v1/[orgName]/projects/[projectName]/sources/route";
import * as project from "@/app/api/v1/[orgName]/projects/[projectName]/route";
import * as me from "@/app/api/v1/me/route";
import { call } from "../support/http";
import { createTestProject, type TestProject } from "../support/fixtures";
import { sessionCookie } from "../support/session";
import { createMember } from "../support/users";

let p: TestProject;
let other: TestProject;
beforeAll(async () => {
  p = await createTestProject();
  other = await createTestProject();
});

const params = () => ({ orgName: p.org, projectName: p.project });

describe("withAuth with a console session", () => {
  it.each(["owner", "admin", "editor", "viewer"] as const)("lets a %s read", async (role) => {
    const m = await createMember(p, role);
    const res = await call(sources.GET, { path: `${p.base}/sources`, params: params(), headers: { cookie: m.cookie } });
    expect(res.status).toBe(200);
  });

  it.each([
    ["owner", 201],
    ["admin", 201],
    ["editor", 403],
    ["viewer", 403],
  ] as const)("a %s creating an API key gets %i", async (role, status) => {
    const m = await createMember(p, role);
    const res = await call(sources.POST, { path: `${p.base}/sources`, params: params(), headers: { cookie: m.cookie }, body: { name: "k", scopes: ["decide"] } });
    expect(res.status).toBe(status);
    if (status === 403) expect(res.json.error.message).toContain(role);
  });

  it("a viewer's write is a 403 whatever the UI shows", async () => {
    const m = await createMember(p, "viewer");
    const res = await call(project.PATCH, { path: p.base, params: params(), headers: { cookie: m.cookie }, body: { timezone: "Europe/Paris" } });
    expect(res.status).toBe(403);
  });

  it("a member of another organization gets 403", async () => {
    const stranger = await createMember(other, "owner");
    const res = await call(sources.GET, { path: `${p.base}/sources`, params: params(), headers: { cookie: stranger.cookie } });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toMatch(/not a member/);
  });

  it("a forged or stale cookie is no session", async () => {
    const res = await call(sources.GET, { path: `${p.base}/sources`, params: params(), headers: { cookie: "next-auth.session-token=forged" } });
    expect(res.status).toBe(401);
    const ghost = await sessionCookie("usr_doesnotexist");
    expect((await call(sources.GET, { path: `${p.base}/sources`, params: params(), headers: { cookie: ghost } })).status).toBe(403);
  });

  it("a member's project that does not exist is a 404", async () => {
    const m = await createMember(p, "owner");
    const res = await call(sources.GET, {
      path: `/api/v1/${p.org}/projects/nope/sources`,
      params: { orgName: p.org, projectName: "nope" },
      headers: { cookie: m.cookie },
    });
    expect(res.status).toBe(404);
  });
});

describe("GET /api/v1/me", () => {
  it("lists the projects the user can open, with their role", async () => {
    const m = await createMember(p, "editor");
    const res = await call(me.GET, { path: "/api/v1/me", headers: { cookie: m.cookie } });
    expect(res.status).toBe(200);
    expect(res.json.user.email).toBe(m.email);
    expect(res.json.projects).toEqual([{ org: p.org, project: p.project, role: "editor", timezone: "UTC" }]);
  });

  it("is a 401 without a session", async () => {
    expect((await call(me.GET, { path: "/api/v1/me" })).status).toBe(401);
  });
});

describe("PATCH the project", () => {
  it("an admin changes the time zone; a bad zone is a 400 naming the field", async () => {
    const m = await createMember(p, "admin");
    const ok = await call(project.PATCH, { path: p.base, params: params(), headers: { cookie: m.cookie }, body: { timezone: "America/New_York" } });
    expect(ok.status).toBe(200);
    expect(ok.json.timezone).toBe("America/New_York");
    const bad = await call(project.PATCH, { path: p.base, params: params(), headers: { cookie: m.cookie }, body: { timezone: "Mars/Base" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toBe("timezone");
  });
});

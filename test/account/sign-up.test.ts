// Sign-up on an empty instance, and sign-in with throttling. This file needs an instance with no
// users, so it runs on a database of its own whatever TEST_DATABASE_URL says.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as instance from "@/app/api/v1/instance/route";
import * as signUpRoute from "@/app/api/v1/sign-up/route";
import { openDatabase, type DbHandle } from "@/db/client";
import { getDbHandle, setDbHandle } from "@/db/connection";
import { runMigrations } from "@/db/migrate";
import { authenticate } from "@/lib/services/users/authenticate";
import { call } from "../support/http";

let fresh: DbHandle;
let shared: DbHandle;
beforeAll(async () => {
  shared = await getDbHandle();
  const template = inject("pgliteTemplate");
  fresh = await openDatabase({ loadDataDir: template ? new Blob([fs.readFileSync(template)]) : undefined });
  await runMigrations(fresh);
  setDbHandle(fresh);
});
afterAll(async () => {
  setDbHandle(shared);
  await fresh.close();
});

const body = { email: "Founder@Example.com", password: "correct horse battery", organization: "acme", project: "web", timezone: "Europe/Berlin" };

describe("sign-up", () => {
  it("rejects invalid fields, naming each", async () => {
    const res = await call(signUpRoute.POST, { path: "/api/v1/sign-up", body: { email: "nope", password: "short", organization: "a b", project: "" } });
    expect(res.status).toBe(400);
    expect(res.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["email", "organization", "password", "project"]);
  });

  it("makes the first user owner of a new organization and project, once", async () => {
    expect((await call(instance.GET, { path: "/api/v1/instance" })).json).toEqual({ hasUsers: false });
    const res = await call(signUpRoute.POST, { path: "/api/v1/sign-up", body });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ user: { email: "founder@example.com" }, org: "acme", project: "web" });
    const [row] = await fresh.query<{ role: string; timezone: string }>(
      "select m.role, p.timezone from memberships m join projects p on p.org_id = m.org_id where m.user_id = $1",
      [res.json.user.id],
    );
    expect(row).toEqual({ role: "owner", timezone: "Europe/Berlin" });
    expect((await call(instance.GET, { path: "/api/v1/instance" })).json).toEqual({ hasUsers: true });

    const second = await call(signUpRoute.POST, { path: "/api/v1/sign-up", body: { ...body, email: "two@example.com", organization: "other" } });
    expect(second.status).toBe(403);
    expect(second.json.error.message).toMatch(/invite/);
  });

  it("stores an argon2id hash, never the password", async () => {
    const [row] = await fresh.query<{ password_hash: string }>("select password_hash from users where email = 'founder@example.com'");
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(body.password);
  });
});

describe("sign-in", () => {
  it("accepts the right password, any case of the email", async () => {
    await expect(authenticate(fresh.db, { email: "FOUNDER@example.com", password: body.password })).resolves.toMatchObject({ email: "founder@example.com" });
  });

  it("throttles after 5 failures, even for the right password", async () => {
    for (let i = 0; i < 5; i++) {
      await expect(authenticate(fresh.db, { email: body.email, password: `wrong-${i}`, ip: "10.0.0.1" })).rejects.toMatchObject({ code: "unauthorized" });
    }
    await expect(authenticate(fresh.db, { email: body.email, password: body.password, ip: "10.0.0.1" })).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("answers an unknown email like a wrong password", async () => {
    await expect(authenticate(fresh.db, { email: "nobody@example.com", password: "whatever-123" })).rejects.toMatchObject({ code: "unauthorized" });
  });
});

// Migrations apply to the test database (PGlite, or PostgreSQL with TEST_DATABASE_URL); a second run changes nothing.
import { describe, expect, it } from "vitest";
import * as health from "@/app/api/health/route";
import { getDbHandle } from "@/db/connection";
import { migrationStatus, runMigrations } from "@/db/migrate";
import { call } from "../support/http";

describe("migrations", () => {
  it("are all applied, and applying them again is a no-op", async () => {
    const handle = await getDbHandle();
    const before = await migrationStatus(handle);
    expect(before.current).toBe(true);
    expect(before.applied).toBe(before.expected);
    const rows = async () => (await handle.query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations"))[0].n;
    const count = await rows();
    await runMigrations(handle);
    expect(await rows()).toBe(count);
    expect(await migrationStatus(handle)).toEqual(before);
  });

  it("create the hot-path indexes", async () => {
    const handle = await getDbHandle();
    const names = (await handle.query<{ indexname: string }>("select indexname from pg_indexes where schemaname = 'public'")).map((r) => r.indexname);
    expect(names).toEqual(
      expect.arrayContaining([
        "profiles_project_user_key",
        "profile_ids_project_id_value_pk",
        "events_project_profile_name_time_idx",
        "events_project_event_id_key",
        "exposures_project_personalization_time_idx",
        "experience_exposures_experience_id_profile_id_pk",
        "visit_exposures_experience_id_profile_id_visit_id_pk",
      ]),
    );
  });
});

describe("GET /api/health", () => {
  it("reports the database reachable and the migrations current", async () => {
    const res = await call(health.GET, { path: "/api/health" });
    expect(res.status).toBe(200);
    expect(res.json.status).toBe("ok");
    expect(res.json.database.reachable).toBe(true);
    expect(res.json.migrations.current).toBe(true);
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
  });

  it("keeps a caller's sane x-request-id and replaces a hostile one", async () => {
    expect((await call(health.GET, { path: "/api/health", headers: { "x-request-id": "trace-123" } })).headers.get("x-request-id")).toBe("trace-123");
    expect((await call(health.GET, { path: "/api/health", headers: { "x-request-id": "<script>" } })).headers.get("x-request-id")).toMatch(/^req_/);
  });
});

describe("URLs with a NUL", () => {
  it("are a 400, not a database error", async () => {
    const sources = await import("@/app/api/v1/[orgName]/projects/[projectName]/sources/route");
    const res = await call(sources.GET, { path: "/api/v1/x/projects/y/sources", params: { orgName: "a\u0000b", projectName: "y" } });
    expect(res.status).toBe(400);
    expect(res.json.error.details[0].path).toBe("orgName");
    const q = await call(health.GET, { path: "/api/health?q=%00" });
    expect(q.status).toBe(400);
  });
});

// …/profiles: one visitor by userId or anonymous profileId, with recent events and exposures.
import { beforeEach, describe, expect, it } from "vitest";
import * as route from "@/app/api/v1/[orgName]/projects/[projectName]/profiles/route";
import { getDbHandle } from "@/db/connection";
import { newId } from "@/lib/ids";
import { createTestProject, type TestProject } from "../support/fixtures";
import { caller, expectError, insertExperience, insertPersonalization } from "./helpers";

let p: TestProject;
let api: ReturnType<typeof caller>;

beforeEach(async () => {
  p = await createTestProject();
  api = caller(p);
});

const lookup = (query: string) => api(route.GET, `/profiles${query}`);

async function insertProfile(values: { userId?: string; mergedIntoId?: string; attributes?: Record<string, unknown>; createdAt?: Date }) {
  const handle = await getDbHandle();
  const id = newId("prf");
  await handle.query(
    "insert into profiles (id, project_id, user_id, account_id, source_id, attributes, merged_into_id, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)",
    [id, p.ctx.project.id, values.userId ?? null, "acme", 7, JSON.stringify(values.attributes ?? {}), values.mergedIntoId ?? null, values.createdAt ?? new Date()],
  );
  return id;
}

async function insertAnonymousId(value: string, profileId: string) {
  await (await getDbHandle()).query("insert into profile_ids (project_id, value, profile_id) values ($1, $2, $3)", [p.ctx.project.id, value, profileId]);
}

async function insertEvent(profileId: string, name: string, at: Date, properties: Record<string, unknown> = {}) {
  await (await getDbHandle()).query(
    "insert into events (project_id, profile_id, event_id, name, properties, session_id, occurred_at) values ($1, $2, $3, $4, $5, 's-1', $6)",
    [p.ctx.project.id, profileId, newId("req"), name, JSON.stringify(properties), at],
  );
}

async function insertExposure(profileId: string, personalizationId: string, experienceId: string, arm: "treatment" | "control", at: Date) {
  await (await getDbHandle()).query(
    "insert into exposures (project_id, personalization_id, experience_id, profile_id, arm, visit_id, created_at) values ($1, $2, $3, $4, $5, 'v-1', $6)",
    [p.ctx.project.id, personalizationId, experienceId, profileId, arm, at],
  );
}

const t = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, minutes));

describe("profiles: happy path", () => {
  it("finds a profile by userId and by profileId, with its events and exposures, newest first", async () => {
    const id = await insertProfile({ userId: "u-42", attributes: { plan: "pro" } });
    await insertAnonymousId("anon-1", id);
    await insertEvent(id, "page_view", t(1));
    await insertEvent(id, "purchase", t(2), { amount: 30 });
    const per = await insertPersonalization(p, { name: "Welcome back", selector: "welcome-back" });
    const exp = await insertExperience(p, per.id, { name: "Returning users", audience: { $everyone: true } });
    await insertExposure(id, per.id, exp.id, "treatment", t(3));
    await insertExposure(id, "per_deleted", "exp_deleted", "control", t(0));

    const res = await lookup("?userId=u-42");
    expect(res.status).toBe(200);
    expect(res.json.profile).toMatchObject({
      id,
      userId: "u-42",
      profileIds: ["anon-1"],
      accountId: "acme",
      sourceId: 7,
      attributes: { plan: "pro" },
      accountAttributes: {},
      mergedProfiles: [],
    });
    expect(res.json.events.map((e: { name: string }) => e.name)).toEqual(["purchase", "page_view"]);
    expect(res.json.events[0]).toMatchObject({ properties: { amount: 30 }, sessionId: "s-1", occurredAt: t(2).toISOString() });
    expect(res.json.exposures).toEqual([
      {
        personalizationId: per.id,
        selector: "welcome-back",
        personalizationName: "Welcome back",
        experienceId: exp.id,
        experienceName: "Returning users",
        arm: "treatment",
        visitId: "v-1",
        at: t(3).toISOString(),
      },
      expect.objectContaining({ personalizationId: "per_deleted", selector: null, experienceName: null, arm: "control" }),
    ]);

    const byAnon = await lookup("?profileId=anon-1");
    expect(byAnon.status).toBe(200);
    expect(byAnon.json).toEqual(res.json);
  });

  it("keeps only the 50 most recent events and exposures", async () => {
    const id = await insertProfile({ userId: "busy" });
    const per = await insertPersonalization(p);
    for (let i = 0; i < 60; i++) {
      await insertEvent(id, `e${i}`, t(i));
      await insertExposure(id, per.id, "exp_x", "treatment", t(i));
    }
    const res = await lookup("?userId=busy");
    expect(res.json.events).toHaveLength(50);
    expect(res.json.events[0].name).toBe("e59");
    expect(res.json.exposures).toHaveLength(50);
  });

  it("follows a merge: the anonymous profile resolves to the known one, with what was recorded under both", async () => {
    const known = await insertProfile({ userId: "u-7", createdAt: t(10) });
    const anon = await insertProfile({ mergedIntoId: known, createdAt: t(0) });
    const older = await insertProfile({ mergedIntoId: anon, createdAt: t(5) });
    await insertAnonymousId("device-a", anon);
    await insertAnonymousId("device-b", known);
    await insertEvent(anon, "before_sign_in", t(1));
    await insertEvent(older, "long_ago", t(0));
    await insertEvent(known, "after_sign_in", t(20));

    const res = await lookup("?profileId=device-a");
    expect(res.status).toBe(200);
    expect(res.json.profile.id).toBe(known);
    expect(res.json.profile.userId).toBe("u-7");
    expect(res.json.profile.mergedProfiles.sort()).toEqual([anon, older].sort());
    expect(res.json.profile.profileIds.sort()).toEqual(["device-a", "device-b"]);
    expect(res.json.profile.firstSeenAt).toBe(t(0).toISOString());
    expect(res.json.events.map((e: { name: string }) => e.name)).toEqual(["after_sign_in", "before_sign_in", "long_ago"]);
    expect((await lookup("?userId=u-7")).json).toEqual(res.json);
  });

  it("does not see another project's profiles", async () => {
    const other = await createTestProject();
    const handle = await getDbHandle();
    await handle.query("insert into profiles (id, project_id, user_id) values ($1, $2, 'shared-user')", [newId("prf"), other.ctx.project.id]);
    expectError(await lookup("?userId=shared-user"), 404, "not_found", '"shared-user"');
  });
});

describe("profiles: errors", () => {
  it.each([
    ["neither userId nor profileId", "", "userId"],
    ["both", "?userId=a&profileId=b", "profileId"],
    ["an empty userId", "?userId=", "userId"],
    ["a userId over 256 characters", `?userId=${"x".repeat(257)}`, "userId"],
  ])("%s → 400 naming the field", async (_label, query, path) => {
    expectError(await lookup(query), 400, "validation_failed", "userId", path);
  });

  it("an unknown userId or profileId → 404", async () => {
    expectError(await lookup("?userId=nobody"), 404, "not_found", '"nobody"');
    expectError(await lookup("?profileId=nothing"), 404, "not_found", '"nothing"');
  });
});

// …/test-profiles and …/test-profiles/{testProfileId}: saved fictional visitors for the preview.
import { beforeEach, describe, expect, it } from "vitest";
import * as item from "@/app/api/v1/[orgName]/projects/[projectName]/test-profiles/[testProfileId]/route";
import * as collection from "@/app/api/v1/[orgName]/projects/[projectName]/test-profiles/route";
import * as segments from "@/app/api/v1/[orgName]/projects/[projectName]/segments/route";
import { createTestProject, type TestProject } from "../support/fixtures";
import { caller, expectError } from "./helpers";

let p: TestProject;
let api: ReturnType<typeof caller>;

beforeEach(async () => {
  p = await createTestProject();
  api = caller(p);
  await api(segments.POST, "/segments", { body: { key: "beta", name: "Beta", type: "static" } });
  await api(segments.POST, "/segments", { body: { key: "pro", name: "Pro", type: "rule", condition: { "user.plan": "pro" } } });
});

const create = (body: unknown) => api(collection.POST, "/test-profiles", { body });
const patch = (id: string, body: unknown) => api(item.PATCH, `/test-profiles/${id}`, { params: { testProfileId: id }, method: "PATCH", body });
const get = (id: string) => api(item.GET, `/test-profiles/${id}`, { params: { testProfileId: id } });

const full = {
  name: "Lapsed subscriber on mobile",
  description: "Churned last month",
  userId: "u-42",
  attributes: { plan: "lapsed", first_name: "Ada", tags: ["a", "b"] },
  accountAttributes: { tier: "gold" },
  requestAttributes: { cart: { value: 120 } },
  events: [
    { name: "purchase", properties: { amount: 30 }, ago: { days: 3 } },
    { name: "page_view", ago: { hours: 1, minutes: 30 } },
  ],
  segments: ["beta", "beta"],
  device: "mobile",
  userAgent: "Mozilla/5.0 (iPhone)",
  url: "https://shop.example/pricing?plan=pro",
  referrer: "https://www.google.com/",
  sessionId: "s-1",
  instant: "2026-11-28T12:00:00+01:00",
};

describe("test profiles: happy path", () => {
  it("saves every field, lists and reads it", async () => {
    const res = await create(full);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ ...full, segments: ["beta"], instant: "2026-11-28T11:00:00.000Z" });
    expect(res.json.id).toMatch(/^tpr_/);
    await create({ name: "Anonymous desktop" });
    const list = await api(collection.GET, "/test-profiles");
    expect(list.status).toBe(200);
    expect(list.json.testProfiles.map((t: { name: string }) => t.name)).toEqual(["Anonymous desktop", "Lapsed subscriber on mobile"]);
    expect((await get(res.json.id)).json).toEqual(res.json);
  });

  it("a minimal profile gets empty defaults and nulls", async () => {
    const res = await create({ name: "Blank" });
    expect(res.json).toMatchObject({
      description: null,
      userId: null,
      attributes: {},
      accountAttributes: {},
      requestAttributes: {},
      events: [],
      segments: [],
      device: null,
      userAgent: null,
      url: null,
      referrer: null,
      sessionId: null,
      instant: null,
    });
  });

  it("updates the fields given, clears with null, replaces objects", async () => {
    const { json: tp } = await create(full);
    const res = await patch(tp.id, { attributes: { plan: "pro" }, device: null, instant: null, url: "http://localhost:3000/" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ name: full.name, attributes: { plan: "pro" }, device: null, instant: null, url: "http://localhost:3000/", segments: ["beta"] });
    const renamed = await patch(tp.id, { name: "Renamed", segments: [] });
    expect(renamed.json).toMatchObject({ name: "Renamed", segments: [] });
  });

  it("deletes, and audits each write", async () => {
    const { json: tp } = await create({ name: "Short-lived" });
    await patch(tp.id, { description: "x" });
    const res = await api(item.DELETE, `/test-profiles/${tp.id}`, { params: { testProfileId: tp.id }, method: "DELETE" });
    expect(res.status).toBe(204);
    expectError(await get(tp.id), 404, "not_found", tp.id);
    const { getDbHandle } = await import("@/db/connection");
    const rows = await (await getDbHandle()).query<{ action: string }>("select action from audit_log where entity_id = $1 order by id", [tp.id]);
    expect(rows.map((r) => r.action)).toEqual(["test_profile.create", "test_profile.update", "test_profile.delete"]);
  });
});

describe("test profiles: errors", () => {
  it.each([
    ["no name", "name", { attributes: {} }, undefined],
    ["an empty name", "name", { name: " " }, "must not be empty"],
    ["a relative url", "url", { name: "x", url: "/pricing" }, "absolute"],
    ["a url that is not http", "url", { name: "x", url: "javascript:alert(1)" }, "absolute"],
    ["a bad referrer", "referrer", { name: "x", referrer: "not a url" }, "absolute"],
    ["an unknown device", "device", { name: "x", device: "tablet" }, '"mobile"'],
    ["an instant without a zone", "instant", { name: "x", instant: "2026-11-28T12:00:00" }, "ISO 8601"],
    ["an instant that is no date", "instant", { name: "x", instant: "yesterday" }, "ISO 8601"],
    ["attributes that are a list", "attributes", { name: "x", attributes: [1] }, undefined],
    ["a NUL in an attribute", "attributes.bio", { name: "x", attributes: { bio: "a\u0000" } }, "NUL"],
    ["an event without a name", "events.0.name", { name: "x", events: [{ ago: {} }] }, undefined],
    ["an event without ago", "events.0.ago", { name: "x", events: [{ name: "e" }] }, undefined],
    ["a negative ago", "events.1.ago.days", { name: "x", events: [{ name: "e", ago: {} }, { name: "e", ago: { days: -1 } }] }, "0 or more"],
    ["a fractional ago", "events.0.ago.hours", { name: "x", events: [{ name: "e", ago: { hours: 1.5 } }] }, "whole number"],
    ["a userId over 256 characters", "userId", { name: "x", userId: "u".repeat(257) }, "256"],
    ["a segment key with a space", "segments.0", { name: "x", segments: ["a b"] }, "contains a space"],
    ["an unknown field", "(body)", { name: "x", colour: "red" }, "colour"],
  ])("%s → 400 naming %s", async (_label, path, body, message) => {
    expectError(await create(body), 400, "validation_failed", message, path);
  });

  it("unknown segment keys and rule segments → 400 naming each", async () => {
    const res = await create({ name: "x", segments: ["beta", "ghost", "pro"] });
    expectError(res, 400, "validation_failed", 'no segment "ghost"', "segments.1");
    expect(res.json.error.details).toEqual([
      { path: "segments.1", message: 'no segment "ghost" in this project' },
      { path: "segments.2", message: '"pro" is a rule segment: it is evaluated from the profile, not listed' },
    ]);
  });

  it("a taken name → 409, on create and on rename", async () => {
    await create({ name: "Same" });
    const { json: other } = await create({ name: "Other" });
    expectError(await create({ name: "Same" }), 409, "conflict", '"Same"', "name");
    expectError(await patch(other.id, { name: "Same" }), 409, "conflict", '"Same"', "name");
  });

  it("an unknown or foreign id → 404", async () => {
    const other = await createTestProject();
    const { json: foreign } = await caller(other)(collection.POST, "/test-profiles", { body: { name: "Theirs" } });
    expectError(await get("tpr_nope"), 404, "not_found", "tpr_nope");
    expectError(await get(foreign.id), 404, "not_found");
    expectError(await patch(foreign.id, { name: "Mine" }), 404, "not_found");
  });
});

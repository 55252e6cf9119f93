// choose-api and track: bad input is a 400 naming the field (never a 500), credentials are checked,
// and random bodies (fast-check) never produce a 500.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as chooseRoute from "@/app/api/v1/[orgName]/projects/[projectName]/optimization/choose-api/route";
import { createTestProject, type TestProject } from "../support/fixtures";
import { call } from "../support/http";
import { choose, seedPersonalization, track } from "./seed";

let p: TestProject;
let other: TestProject;

beforeAll(async () => {
  p = await createTestProject();
  other = await createTestProject();
  await seedPersonalization(p, { selector: "known", groups: ["g"], experiences: [{ audience: { $event: { name: "purchase" } } }, {}] });
});

const ok = { identification: { profileId: "a" }, names: ["known"] };

describe("choose-api: invalid bodies are 400s naming the field", () => {
  const cases: [string, unknown, string][] = [
    ["neither names nor groups", { identification: { profileId: "a" } }, "names"],
    ["both empty", { identification: { profileId: "a" }, names: [], groups: [] }, "names"],
    ["101 names", { identification: { profileId: "a" }, names: Array.from({ length: 101 }, (_, i) => `n${i}`) }, "names"],
    ["101 groups", { identification: { profileId: "a" }, groups: Array.from({ length: 101 }, (_, i) => `g${i}`) }, "groups"],
    ["a name with a space", { identification: { profileId: "a" }, names: ["has space"] }, "names.0"],
    ["a group with a star", { identification: { profileId: "a" }, groups: ["home*"] }, "groups.0"],
    ["names not an array", { identification: { profileId: "a" }, names: "known" }, "names"],
    ["no identification", { names: ["known"] }, "identification"],
    ["neither profileId nor userId", { identification: { accountId: "acme" }, names: ["known"] }, "identification.profileId"],
    ["an empty profileId", { identification: { profileId: "" }, names: ["known"] }, "identification.profileId"],
    ["a numeric userId", { identification: { userId: 42 }, names: ["known"] }, "identification.userId"],
    ["a NUL in the profileId", { identification: { profileId: "a\u0000b" }, names: ["known"] }, "identification.profileId"],
    ["a non-numeric sourceId", { identification: { profileId: "a", sourceId: "seven" }, names: ["known"] }, "identification.sourceId"],
    ["a negative sourceId", { identification: { profileId: "a", sourceId: -7 }, names: ["known"] }, "identification.sourceId"],
    ["an unknown optimizationType", { ...ok, optimizationType: "flag" }, "optimizationType"],
    ["recordExposure not a boolean", { ...ok, recordExposure: "no" }, "recordExposure"],
    ["attributes not an object", { ...ok, attributes: [1, 2] }, "attributes"],
    ["a sessionId too long", { ...ok, sessionId: "s".repeat(257) }, "sessionId"],
    ["a body that is an array", [ok], "(body)"],
  ];
  it.each(cases)("%s", async (_label, body, field) => {
    const res = await choose(p, body);
    expect(res.status, res.text).toBe(400);
    expect(res.json.error.code).toBe("validation_failed");
    expect(res.json.error.details.map((d: { path: string }) => d.path)).toContain(field);
  });

  it("malformed JSON is a 400, a non-JSON body a 415, and a body over 64 KiB a 413", async () => {
    const params = { orgName: p.org, projectName: p.project };
    const path = `${p.base}/optimization/choose-api`;
    const malformed = await call(chooseRoute.POST, { path, params, key: p.keys.decide, rawBody: "{", headers: { "content-type": "application/json" } });
    expect([malformed.status, malformed.json.error.code]).toEqual([400, "invalid_json"]);
    const text = await call(chooseRoute.POST, { path, params, key: p.keys.decide, rawBody: "names=known", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(text.status).toBe(415);
    const big = await choose(p, { ...ok, attributes: { blob: "x".repeat(65 * 1024) } });
    expect(big.status).toBe(413);
    const justUnder = await choose(p, { ...ok, attributes: { blob: "x".repeat(60 * 1024) } });
    expect(justUnder.status).toBe(200);
  });
});

describe("data plane: security", () => {
  it("choose-api needs the decide scope of this project's key", async () => {
    expect((await call(chooseRoute.POST, { path: `${p.base}/optimization/choose-api`, params: { orgName: p.org, projectName: p.project }, body: ok })).status).toBe(401);
    expect((await choose(p, ok, { key: `${p.keys.decide}x` })).status).toBe(401);
    expect((await choose(p, ok, { key: other.keys.decide })).status).toBe(403);
    expect((await choose(p, ok, { key: p.keys.track })).status).toBe(403);
    expect((await choose(p, ok, { key: p.keys.manage })).status).toBe(403);
    expect((await choose(p, ok, { key: p.keys.all })).status).toBe(200);
  });

  it("track needs the track scope of this project's key", async () => {
    const body = { track: [{ name: "x", payload: [{ eventId: "sec-1", profileId: "a" }] }] };
    expect((await track(p, body, { key: other.keys.track })).status).toBe(403);
    expect((await track(p, body, { key: p.keys.decide })).status).toBe(403);
    expect((await track(p, body, { key: p.keys.manage })).status).toBe(403);
    expect((await track(p, body, { key: p.keys.track })).status).toBe(202);
  });
});

// Strings the database could choke on: control characters, lone surrogates, long ones.
const nasty = fc.oneof(fc.string(), fc.string({ unit: "binary", maxLength: 40 }), fc.constantFrom("", " ", "\u0000", "\ud800", "a".repeat(300), "known", "g"));
const anyJson = fc.jsonValue({ maxDepth: 4 });

describe("fast-check: random bodies never give a 500", () => {
  it("choose-api", async () => {
    const body = fc.oneof(
      anyJson,
      fc.record(
        {
          identification: fc.oneof(anyJson, fc.record({ profileId: nasty, userId: fc.option(nasty), sourceId: fc.oneof(fc.integer(), nasty), accountId: nasty }, { requiredKeys: [] })),
          names: fc.oneof(fc.array(nasty, { maxLength: 5 }), anyJson),
          groups: fc.oneof(fc.array(nasty, { maxLength: 5 }), anyJson),
          device: fc.oneof(nasty, anyJson),
          sessionId: fc.oneof(nasty, anyJson),
          url: fc.oneof(nasty, fc.webUrl()),
          attributes: anyJson,
          recordExposure: fc.oneof(fc.boolean(), anyJson),
          explain: fc.oneof(fc.boolean(), anyJson),
          optimizationType: fc.oneof(fc.constantFrom("personalization", "experiment"), nasty),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await choose(p, b);
        expect(res.status, `${JSON.stringify(b)} → ${res.text}`).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });

  it("track", async () => {
    const item = fc.record(
      {
        eventId: fc.oneof(nasty, anyJson),
        timestamp: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, 253_402_300_799_999, 253_402_300_800_000, -1), anyJson),
        profileId: nasty,
        userId: nasty,
        accountId: nasty,
        sessionId: nasty,
        data: fc.oneof(fc.dictionary(nasty, anyJson, { maxKeys: 4 }), anyJson),
        userAttributes: fc.oneof(fc.dictionary(nasty, anyJson, { maxKeys: 4 }), anyJson),
        accountAttributes: fc.dictionary(nasty, anyJson, { maxKeys: 4 }),
        anotherUserId: nasty,
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(anyJson, fc.record({ track: fc.oneof(anyJson, fc.array(fc.record({ name: fc.oneof(nasty, fc.constant("Identify")), payload: fc.oneof(fc.array(item, { maxLength: 4 }), anyJson) }), { maxLength: 3 })) }));
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await track(p, b);
        expect(res.status, `${JSON.stringify(b)} → ${res.text}`).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });
});

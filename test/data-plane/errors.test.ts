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
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
/** A valid body with one field (possibly nested) replaced by garbage. */
const mutate = <T extends Record<string, unknown>>(valid: fc.Arbitrary<T>, fields: string[]) =>
  fc.tuple(valid, fc.constantFrom(...fields), fc.oneof(nasty, anyJson)).map(([body, field, garbage]) => ({ ...body, [field]: garbage }));

describe("fast-check: random bodies never give a 500", () => {
  it("choose-api", async () => {
    const valid = fc.record(
      {
        identification: fc.record(
          { profileId: fc.string({ unit: "binary", minLength: 1, maxLength: 20 }), userId: maybe(fc.constantFrom("u-1", "u-2")), accountId: maybe(fc.string({ minLength: 1 })), sourceId: maybe(fc.constantFrom(1, "7", 99)) },
          { requiredKeys: ["profileId"] },
        ),
        names: fc.array(fc.constantFrom("known", "nope", "x_1"), { minLength: 1, maxLength: 3 }),
        groups: maybe(fc.array(fc.constantFrom("g", "other"), { maxLength: 2 })),
        device: maybe(fc.constantFrom("mobile", "desktop", "tablet", "all", "tv")),
        sessionId: maybe(fc.string({ minLength: 1, maxLength: 20 })),
        url: maybe(fc.oneof(fc.webUrl({ withQueryParameters: true }), fc.string())),
        referrer: maybe(fc.string()),
        userAgent: maybe(fc.string()),
        attributes: maybe(fc.dictionary(fc.string(), anyJson, { maxKeys: 4 })),
        recordExposure: maybe(fc.boolean()),
        optimizationType: maybe(fc.constantFrom("personalization", "experiment")),
      },
      { requiredKeys: ["identification", "names"] },
    );
    const fields = ["identification", "names", "groups", "device", "sessionId", "url", "userAgent", "attributes", "recordExposure", "explain", "optimizationType"];
    const body = fc.oneof(anyJson, valid, mutate(valid, fields));
    let decided = 0;
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await choose(p, b);
        expect(res.status, `${JSON.stringify(b)} → ${res.text}`).toBeLessThan(500);
        if (res.status === 200) decided++;
      }),
      { numRuns: 150 },
    );
    expect(decided).toBeGreaterThan(10);
  });

  it("track", async () => {
    const dict = fc.dictionary(fc.string(), anyJson, { maxKeys: 4 });
    const validItem = fc.record(
      {
        eventId: fc.uuid(),
        timestamp: maybe(fc.integer({ min: 0, max: 253_402_300_799_999 })),
        profileId: fc.string({ unit: "binary", minLength: 1, maxLength: 20 }),
        userId: maybe(fc.constantFrom("u-1", "u-2", "u-3")),
        accountId: maybe(fc.string({ minLength: 1 })),
        sessionId: maybe(fc.string({ minLength: 1, maxLength: 20 })),
        data: maybe(dict),
        userAttributes: maybe(dict),
        accountAttributes: maybe(dict),
        anotherUserId: maybe(fc.constantFrom("u-1", "u-4")),
      },
      { requiredKeys: ["eventId", "profileId"] },
    );
    const item = fc.oneof({ weight: 4, arbitrary: validItem }, { weight: 1, arbitrary: mutate(validItem, ["eventId", "timestamp", "profileId", "userId", "data", "userAttributes", "anotherUserId"]) });
    const entry = fc.record({ name: fc.oneof({ weight: 4, arbitrary: fc.constantFrom("purchase", "Identify", "page_view") }, { weight: 1, arbitrary: nasty }), payload: fc.array(item, { minLength: 1, maxLength: 3 }) });
    const body = fc.oneof({ weight: 1, arbitrary: anyJson }, { weight: 5, arbitrary: fc.record({ track: fc.array(entry, { minLength: 1, maxLength: 2 }) }) });
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await track(p, b);
        expect(res.status, `${JSON.stringify(b)} → ${res.text}`).toBeLessThan(500);
        if (res.status === 202) stored++;
      }),
      { numRuns: 150 },
    );
    expect(stored).toBeGreaterThan(10);
  });
});

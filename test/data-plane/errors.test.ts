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
// Mostly well-formed values, so a good share of bodies get past validation into the database.
const plausible = fc.oneof({ weight: 3, arbitrary: fc.constantFrom("a", "b", "known", "g", "Identify") }, { weight: 2, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 30 }) }, { weight: 1, arbitrary: nasty });
const anyJson = fc.jsonValue({ maxDepth: 4 });

describe("fast-check: random bodies never give a 500", () => {
  it("choose-api", async () => {
    const body = fc.oneof(
      { weight: 1, arbitrary: anyJson },
      { weight: 6, arbitrary: fc.record(
        {
          identification: fc.oneof(
            { weight: 1, arbitrary: anyJson },
            { weight: 4, arbitrary: fc.record({ profileId: plausible, userId: fc.option(plausible), sourceId: fc.oneof(fc.integer(), nasty), accountId: plausible }, { requiredKeys: [] }) },
          ),
          names: fc.oneof({ weight: 4, arbitrary: fc.array(plausible, { maxLength: 5 }) }, { weight: 1, arbitrary: anyJson }),
          groups: fc.oneof({ weight: 4, arbitrary: fc.array(plausible, { maxLength: 5 }) }, { weight: 1, arbitrary: anyJson }),
          device: fc.oneof({ weight: 4, arbitrary: fc.constantFrom("mobile", "desktop", "tablet", "all") }, { weight: 1, arbitrary: nasty }, { weight: 1, arbitrary: anyJson }),
          sessionId: fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 1, arbitrary: anyJson }),
          url: fc.oneof({ weight: 4, arbitrary: fc.webUrl({ withQueryParameters: true }) }, { weight: 1, arbitrary: nasty }),
          userAgent: fc.oneof({ weight: 4, arbitrary: fc.string() }, { weight: 1, arbitrary: anyJson }),
          attributes: fc.oneof({ weight: 4, arbitrary: fc.dictionary(fc.string(), anyJson, { maxKeys: 4 }) }, { weight: 1, arbitrary: anyJson }),
          recordExposure: fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: anyJson }),
          explain: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: anyJson }),
          optimizationType: fc.oneof({ weight: 4, arbitrary: fc.constantFrom("personalization", "experiment") }, { weight: 1, arbitrary: nasty }),
        },
        { requiredKeys: ["identification", "names"] },
      ) },
    );
    let decided = 0;
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await choose(p, b);
        expect(res.status, `${JSON.stringify(b)} → ${res.text}`).toBeLessThan(500);
        if (res.status === 200) decided++;
      }),
      { numRuns: 150 },
    );
    expect(decided).toBeGreaterThan(0);
  });

  it("track", async () => {
    const mostly = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: nasty }, { weight: 1, arbitrary: anyJson });
    const dict = fc.dictionary(fc.string(), anyJson, { maxKeys: 4 });
    const item = fc.record(
      {
        eventId: mostly(fc.uuid()),
        timestamp: fc.oneof({ weight: 5, arbitrary: fc.nat() }, { weight: 1, arbitrary: fc.double() }, { weight: 1, arbitrary: fc.constantFrom(0, 253_402_300_799_999, 253_402_300_800_000, -1) }, { weight: 1, arbitrary: anyJson }),
        profileId: plausible,
        userId: plausible,
        accountId: plausible,
        sessionId: plausible,
        data: mostly(dict),
        userAttributes: mostly(dict),
        accountAttributes: mostly(dict),
        anotherUserId: plausible,
      },
      { requiredKeys: ["profileId"] },
    );
    const entry = fc.record({ name: plausible, payload: fc.oneof({ weight: 6, arbitrary: fc.array(item, { minLength: 1, maxLength: 3 }) }, { weight: 1, arbitrary: anyJson }) });
    const body = fc.oneof({ weight: 1, arbitrary: anyJson }, { weight: 6, arbitrary: fc.record({ track: fc.oneof({ weight: 6, arbitrary: fc.array(entry, { minLength: 1, maxLength: 2 }) }, { weight: 1, arbitrary: anyJson }) }) });
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await track(p, b);
        expect(res.status, `${JSON.stringify(b)} → ${res.text}`).toBeLessThan(500);
        if (res.status === 202) stored++;
      }),
      { numRuns: 150 },
    );
    expect(stored).toBeGreaterThan(0);
  });
});

// Personalizations: every bad input is a 4xx naming the field; never a 500.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestProject, type TestProject } from "../support/fixtures";
import { api, createSegment, expectError } from "./api";

let p: TestProject;
let a: ReturnType<typeof api>;

beforeAll(async () => {
  p = await createTestProject();
  a = api(p);
  await createSegment(p, "known");
  await a("POST", "/personalizations", { body: { name: "Taken", selector: "taken" } });
});

/** The error's message and each detail's, as one text. */
const messagesOf = (res: { json: { error: { message: string; details?: { message: string }[] } } }) =>
  [res.json.error.message, ...(res.json.error.details ?? []).map((d) => d.message)].join("\n");

const exp = (over: Record<string, unknown>) => ({ name: "e", ...over });
const big = { blob: "x".repeat(70 * 1024) };

describe("POST …/personalizations rejects", () => {
  it.each<[string, Record<string, unknown>, string, RegExp?]>([
    ["a missing name", {}, "name"],
    ["an empty name", { name: "  " }, "name"],
    ["a selector with a space", { name: "n", selector: "my selector" }, "selector", /contains a space/],
    ["a selector with *", { name: "n", selector: "sel*" }, "selector", /"\*"/],
    ["a group with *", { name: "n", groups: ["home*"] }, "groups.0", /"\*"/],
    ["a group with ,", { name: "n", groups: ["ok", "a,b"] }, "groups.1", /","/],
    ["a group with /", { name: "n", groups: ["a/b"] }, "groups.0", /"\/"/],
    ["a group with +", { name: "n", groups: ["a+b"] }, "groups.0", /"\+"/],
    ["a group with =", { name: "n", groups: ["a=b"] }, "groups.0", /"="/],
    ["a group with a space", { name: "n", groups: ["home page"] }, "groups.0", /a space/],
    ["a type other than server_side", { name: "n", type: "client_side" }, "type"],
    ["controlPercent -1", { name: "n", controlPercent: -1 }, "controlPercent"],
    ["controlPercent 100", { name: "n", controlPercent: 100 }, "controlPercent"],
    ["controlPercent 2.5", { name: "n", controlPercent: 2.5 }, "controlPercent"],
    ["controlPercent as a string", { name: "n", controlPercent: "5" }, "controlPercent"],
    ["a value metric without property", { name: "n", metrics: [{ event: "buy", measure: "value", aggregation: "sum" }] }, "metrics.0.property"],
    ["a value metric without aggregation", { name: "n", metrics: [{ event: "buy", measure: "value", property: "amount" }] }, "metrics.0.aggregation"],
    ["a triggered metric with an aggregation", { name: "n", metrics: [{ event: "buy", measure: "triggered", aggregation: "sum" }] }, "metrics.0.aggregation"],
    ["a triggered metric with a property", { name: "n", metrics: [{ event: "buy", measure: "triggered", property: "x" }] }, "metrics.0.property"],
    ["an unknown measure", { name: "n", metrics: [{ event: "buy", measure: "count" }] }, "metrics.0.measure"],
    ["an unknown aggregation", { name: "n", metrics: [{ event: "buy", measure: "value", property: "a", aggregation: "median" }] }, "metrics.0.aggregation"],
    [
      "two primary metrics",
      { name: "n", metrics: [{ event: "a", measure: "triggered", primary: true }, { event: "b", measure: "triggered", primary: true }] },
      "metrics.1.primary",
    ],
    ["a Liquid syntax error", { name: "n", experiences: [exp({ payload: { hero: { title: "Hi {{ user.name " } } })] }, "experiences.0.payload.hero.title"],
    ["an unknown Liquid filter", { name: "n", experiences: [exp({ payload: ["ok", "{{ x | nosuchfilter }}"] })] }, "experiences.0.payload.1"],
    ["a payload over 64 KiB", { name: "n", experiences: [exp({ payload: big })] }, "experiences.0.payload"],
    ["an audience that is not an object", { name: "n", experiences: [exp({ audience: "everyone" })] }, "experiences.0.audience"],
    ["an unknown operator", { name: "n", experiences: [exp({ audience: { "user.age": { $bigger: 3 } } })] }, "experiences.0.audience.user.age.$bigger"],
    ["an unknown top-level operator", { name: "n", experiences: [exp({ audience: { $xor: [] } })] }, "experiences.0.audience.$xor"],
    ["a bad regex", { name: "n", experiences: [exp({ audience: { "context.path": { $regex: "(" } } })] }, "experiences.0.audience.context.path.$regex"],
    ["an unknown segment", { name: "n", experiences: [exp({ audience: { $or: [{ $segment: "known" }, { $segment: "nope" }] } })] }, "experiences.0.audience.$or.1.$segment", /nope/],
    ["a bad $event", { name: "n", experiences: [exp({ audience: { $event: { count: { $gte: 1 } } } })] }, "experiences.0.audience.$event"],
    ["an unknown frequency", { name: "n", experiences: [exp({ display: { frequency: "twice" } })] }, "experiences.0.display.frequency"],
    ["an unknown device", { name: "n", experiences: [exp({ display: { devices: "tv" } })] }, "experiences.0.display.devices"],
    ["a schedule end before start", { name: "n", experiences: [exp({ schedule: { start: "2026-12-10T00:00", end: "2026-12-01T00:00" } })] }, "experiences.0.schedule.end"],
    ["a schedule with a bad date", { name: "n", experiences: [exp({ schedule: { start: "next tuesday" } })] }, "experiences.0.schedule.start"],
    ["a schedule with day 8", { name: "n", experiences: [exp({ schedule: { daysOfWeek: [1, 8] } })] }, "experiences.0.schedule.daysOfWeek.1"],
    ["a schedule with a bad time", { name: "n", experiences: [exp({ schedule: { timeWindow: { from: "9am", to: "17:00" } } })] }, "experiences.0.schedule.timeWindow.from"],
    ["a schedule with an unknown field", { name: "n", experiences: [exp({ schedule: { month: 3 } })] }, "experiences.0.schedule.month"],
    ["experiences that are not an array", { name: "n", experiences: {} }, "experiences"],
  ])("%s → 400 naming the field", async (_label, body, field, message) => {
    const res = await a("POST", "/personalizations", { body });
    expectError(res, 400, "validation_failed", field);
    if (message) expect(messagesOf(res)).toMatch(message);
  });

  it("reports several problems of one document at once", async () => {
    const res = await a("POST", "/personalizations", {
      body: { name: "n", experiences: [exp({ payload: { t: "{{ oops" } }), exp({ audience: { $segment: "missing" } })] },
    });
    expectError(res, 400, "validation_failed");
    const paths = res.json.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["experiences.0.payload.t", "experiences.1.audience.$segment"]));
  });

  it("an explicit selector that is taken → 409 naming selector", async () => {
    const res = await a("POST", "/personalizations", { body: { name: "Other", selector: "taken" } });
    expectError(res, 409, "conflict", "selector");
  });

  it.each([
    ["not JSON", { rawBody: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } }, 415, "unsupported_media_type"],
    ["malformed JSON", { rawBody: "{", headers: { "content-type": "application/json" } }, 400, "invalid_json"],
    ["a JSON array", { body: [] }, 400, "validation_failed"],
  ])("%s → %i", async (_label, request, status, code) => {
    expectError(await a("POST", "/personalizations", request), status, code);
  });
});

describe("PATCH …/personalizations/{id} rejects", () => {
  it.each<[string, Record<string, unknown>, Record<string, string>, number, string, string]>([
    ["no version at all", { name: "x" }, {}, 400, "validation_failed", "version"],
    ["a version that is not a number", { version: "1", name: "x" }, {}, 400, "validation_failed", "version"],
    ["body and If-Match disagreeing", { version: 1 }, { "if-match": '"2"' }, 400, "validation_failed", "version"],
    ["a malformed If-Match", { name: "x" }, { "if-match": "abc" }, 400, "validation_failed", "If-Match"],
    ["a selector with a /", { version: 1, selector: "a/b" }, {}, 400, "validation_failed", "selector"],
    ["controlPercent 150", { version: 1, controlPercent: 150 }, {}, 400, "validation_failed", "controlPercent"],
    ["a group with =", { version: 1, groups: ["x=y"] }, {}, 400, "validation_failed", "groups.0"],
    ["an experience id of another personalization", { version: 1, experiences: [{ id: "exp_nope" }] }, {}, 400, "validation_failed", "experiences.0.id"],
    ["a metric id of another personalization", { version: 1, metrics: [{ id: "met_nope", event: "e", measure: "triggered" }] }, {}, 400, "validation_failed", "metrics.0.id"],
    ["a Liquid error in a kept experience", { version: 1, experiences: [{ payload: { t: "{% if %}" } }] }, {}, 400, "validation_failed", "experiences.0.payload.t"],
  ])("%s → %i", async (_label, body, headers, status, code, field) => {
    const created = await a("POST", "/personalizations", { body: { name: "Patch me" } });
    expectError(await a("PATCH", `/personalizations/${created.json.id}`, { body, headers }), status, code, field);
    // Nothing changed.
    expect((await a("GET", `/personalizations/${created.json.id}`)).json.version).toBe(1);
  });

  it("a stale version → 409 version_conflict with the current version", async () => {
    const created = await a("POST", "/personalizations", { body: { name: "Stale" } });
    await a("PATCH", `/personalizations/${created.json.id}`, { body: { version: 1, name: "v2" } });
    const res = await a("PATCH", `/personalizations/${created.json.id}`, { body: { version: 1, name: "lost update" } });
    expectError(res, 409, "version_conflict");
    expect(res.json.error.details).toEqual({ currentVersion: 2 });
    expect((await a("GET", `/personalizations/${created.json.id}`)).json.name).toBe("v2");
  });

  it("a stale If-Match → 409", async () => {
    const created = await a("POST", "/personalizations", { body: { name: "Stale header" } });
    await a("PATCH", `/personalizations/${created.json.id}`, { body: { version: 1 } });
    expectError(await a("PATCH", `/personalizations/${created.json.id}`, { body: { name: "x" }, headers: { "if-match": '"1"' } }), 409, "version_conflict");
  });

  it("a selector another personalization has → 409 naming selector", async () => {
    const created = await a("POST", "/personalizations", { body: { name: "Rename me" } });
    expectError(await a("PATCH", `/personalizations/${created.json.id}`, { body: { version: 1, selector: "taken" } }), 409, "conflict", "selector");
  });

  it("an unknown personalization → 404", async () => {
    expectError(await a("PATCH", "/personalizations/per_nope", { body: { version: 1 } }), 404, "not_found");
  });
});

describe("other personalization routes reject", () => {
  it("GET of an unknown id → 404", async () => {
    expectError(await a("GET", "/personalizations/per_nope"), 404, "not_found");
  });

  it("GET of another project's personalization → 404", async () => {
    const other = await createTestProject();
    const theirs = await api(other)("POST", "/personalizations", { body: { name: "Theirs" } });
    expectError(await a("GET", `/personalizations/${theirs.json.id}`), 404, "not_found");
    expectError(await a("PATCH", `/personalizations/${theirs.json.id}`, { body: { version: 1 } }), 404, "not_found");
  });

  it("list with an unknown status → 400 naming status", async () => {
    expectError(await a("GET", "/personalizations?status=live"), 400, "validation_failed", "status");
  });

  it("DELETE of a running or archived personalization → 409 that says to archive", async () => {
    const created = await a("POST", "/personalizations", { body: { name: "Keep", metrics: [{ event: "e", measure: "triggered", primary: true }], experiences: [{ audience: { $everyone: true } }] } });
    await a("POST", `/personalizations/${created.json.id}/start`);
    const res = await a("DELETE", `/personalizations/${created.json.id}`);
    expectError(res, 409, "conflict");
    expect(res.json.error.message).toMatch(/archive/i);
    await a("POST", `/personalizations/${created.json.id}/archive`);
    expectError(await a("DELETE", `/personalizations/${created.json.id}`), 409, "conflict");
  });

  it("DELETE with a stale ?version → 409", async () => {
    const created = await a("POST", "/personalizations", { body: { name: "Del" } });
    await a("PATCH", `/personalizations/${created.json.id}`, { body: { version: 1 } });
    expectError(await a("DELETE", `/personalizations/${created.json.id}?version=1`), 409, "version_conflict");
    expect((await a("DELETE", `/personalizations/${created.json.id}?version=2`)).status).toBe(204);
  });
});

import { describe, expect, it } from "vitest";
import cases from "@/test/fixtures/growthbook/evalCondition.json";
import { compileCondition } from "./compile";
import { createEvalEnv } from "./env";
import { evalCondition } from "./evaluate";
import type { ConditionTrace, EngineEvent, SavedGroups, SegmentDefinition } from "./types";

const ev = (attributes: unknown, condition: unknown, savedGroups?: SavedGroups) => evalCondition(attributes, condition, savedGroups);

describe("comparison operators", () => {
  it("$eq/$ne are strict", () => {
    expect(ev({ n: 1 }, { n: { $eq: 1 } })).toBe(true);
    expect(ev({ n: "1" }, { n: { $eq: 1 } })).toBe(false);
    expect(ev({ n: "1" }, { n: { $ne: 1 } })).toBe(true);
    expect(ev({}, { n: { $ne: 1 } })).toBe(true);
  });

  it("$lt/$lte/$gt/$gte use JavaScript's coercion, as GrowthBook does", () => {
    expect(ev({ age: 30 }, { age: { $gte: 30, $lt: 31 } })).toBe(true);
    expect(ev({ age: 30 }, { age: { $gt: 30 } })).toBe(false);
    expect(ev({ age: "40" }, { age: { $gt: 30 } })).toBe(true);
    // A missing value reads as null, and null < 10 in JavaScript.
    expect(ev({}, { age: { $lt: 10 } })).toBe(true);
    expect(ev({}, { age: { $gt: 10 } })).toBe(false);
    expect(ev({ word: "b" }, { word: { $gt: "a", $lte: "b" } })).toBe(true);
  });

  it("implicit equality coerces the attribute to the condition's type", () => {
    expect(ev({ plan: "pro" }, { plan: "pro" })).toBe(true);
    expect(ev({ n: "30" }, { n: 30 })).toBe(true);
    expect(ev({ n: 30 }, { n: "30" })).toBe(true);
    expect(ev({ on: 1 }, { on: true })).toBe(true);
    expect(ev({ on: 0 }, { on: false })).toBe(true);
    expect(ev({}, { on: false })).toBe(false);
    expect(ev({}, { x: null })).toBe(true);
    expect(ev({ x: 0 }, { x: null })).toBe(false);
  });

  it("literal arrays and objects compare as JSON, key order included", () => {
    expect(ev({ a: [1, 2] }, { a: [1, 2] })).toBe(true);
    expect(ev({ a: [2, 1] }, { a: [1, 2] })).toBe(false);
    expect(ev({ o: { x: 1, y: 2 } }, { o: { x: 1, y: 2 } })).toBe(true);
    expect(ev({ o: { y: 2, x: 1 } }, { o: { x: 1, y: 2 } })).toBe(false);
  });
});

describe("paths", () => {
  it("follows dotted paths into nested objects and arrays", () => {
    expect(ev({ user: { address: { country: "DE" } } }, { "user.address.country": "DE" })).toBe(true);
    expect(ev({ items: [{ sku: "a" }] }, { "items.0.sku": "a" })).toBe(true);
  });

  it("treats a path through a missing or non-object value as null", () => {
    expect(ev({ user: "x" }, { "user.plan": { $exists: false } })).toBe(true);
    expect(ev({ user: null }, { "user.plan": null })).toBe(true);
    expect(ev({}, { "a.b.c": { $type: "null" } })).toBe(true);
  });

  it("reads array length through the path, like GrowthBook's `in` lookup", () => {
    expect(ev({ tags: ["a", "b"] }, { "tags.length": 2 })).toBe(true);
  });
});

describe("array operators", () => {
  it("$in intersects when the attribute is an array", () => {
    expect(ev({ tags: ["x", "vip"] }, { tags: { $in: ["vip"] } })).toBe(true);
    expect(ev({ tags: [] }, { tags: { $in: ["vip"] } })).toBe(false);
    expect(ev({ tags: [] }, { tags: { $nin: ["vip"] } })).toBe(true);
    expect(ev({ n: 1 }, { n: { $in: "1" } })).toBe(false);
  });

  it("$in compares without coercion; $ini folds case of strings only", () => {
    expect(ev({ n: "1" }, { n: { $in: [1] } })).toBe(false);
    expect(ev({ c: "De" }, { c: { $ini: ["de", 1] } })).toBe(true);
    expect(ev({ c: 1 }, { c: { $ini: ["de", 1] } })).toBe(true);
    expect(ev({ c: ["X", "DE"] }, { c: { $nini: ["de"] } })).toBe(false);
  });

  it("$all needs every listed value; $alli ignores case", () => {
    expect(ev({ t: ["a", "b", "c"] }, { t: { $all: ["a", "c"] } })).toBe(true);
    expect(ev({ t: ["a", "b"] }, { t: { $all: ["a", "c"] } })).toBe(false);
    expect(ev({ t: ["A", "C"] }, { t: { $alli: ["a", "c"] } })).toBe(true);
    expect(ev({ t: "a" }, { t: { $all: ["a"] } })).toBe(false);
    expect(ev({ t: [5, 12] }, { t: { $all: [{ $gt: 10 }] } })).toBe(true);
  });

  it("$size tests the length, with a nested operator too", () => {
    expect(ev({ t: [1, 2] }, { t: { $size: 2 } })).toBe(true);
    expect(ev({ t: [1, 2] }, { t: { $size: { $gte: 3 } } })).toBe(false);
    expect(ev({ t: "ab" }, { t: { $size: 2 } })).toBe(false);
  });

  it("$elemMatch takes a value condition or a condition on element objects, and skips nullish elements", () => {
    expect(ev({ n: [1, 20] }, { n: { $elemMatch: { $gt: 10 } } })).toBe(true);
    expect(ev({ o: [{ k: "a" }, { k: "b" }] }, { o: { $elemMatch: { k: "b" } } })).toBe(true);
    expect(ev({ o: [null, 0] }, { o: { $elemMatch: { $eq: 0 } } })).toBe(true);
    expect(ev({ o: [null] }, { o: { $elemMatch: { $exists: false } } })).toBe(false);
    expect(ev({ o: "x" }, { o: { $elemMatch: { $eq: "x" } } })).toBe(false);
  });
});

describe("other operators", () => {
  it("$exists", () => {
    expect(ev({ a: 0 }, { a: { $exists: true } })).toBe(true);
    expect(ev({ a: null }, { a: { $exists: true } })).toBe(false);
    expect(ev({}, { a: { $exists: false } })).toBe(true);
  });

  it("$type names arrays and null apart from objects", () => {
    expect(ev({ a: [] }, { a: { $type: "array" } })).toBe(true);
    expect(ev({ a: [] }, { a: { $type: "object" } })).toBe(false);
    expect(ev({ a: null }, { a: { $type: "null" } })).toBe(true);
  });

  it("$regex / $regexi, including coercion of non-strings", () => {
    expect(ev({ url: "/pricing/pro" }, { url: { $regex: "^/pricing" } })).toBe(true);
    expect(ev({ url: "/PRICING" }, { url: { $regex: "^/pricing" } })).toBe(false);
    expect(ev({ url: "/PRICING" }, { url: { $regexi: "^/pricing" } })).toBe(true);
    expect(ev({ n: 123 }, { n: { $regex: "^12\\d$" } })).toBe(true);
    expect(ev({}, { n: { $regex: "^null$" } })).toBe(true);
    expect(ev({ s: "x" }, { s: { $regex: 5 } })).toBe(false);
  });

  it("$not negates a value condition", () => {
    expect(ev({ plan: "free" }, { plan: { $not: { $in: ["pro", "team"] } } })).toBe(true);
    expect(ev({ plan: "pro" }, { plan: { $not: "pro" } })).toBe(false);
  });

  it("version operators order pre-releases before the release", () => {
    expect(ev({ v: "2.0.0-beta.2" }, { v: { $vlt: "2.0.0" } })).toBe(true);
    expect(ev({ v: "2.0.0-beta.10" }, { v: { $vgt: "2.0.0-beta.2" } })).toBe(true);
    expect(ev({ v: "v1.10.0" }, { v: { $vgte: "1.9.9", $vne: "1.10.1" } })).toBe(true);
    expect(ev({ v: "1.2.3+build.7" }, { v: { $veq: "1.2.3" } })).toBe(true);
    expect(ev({}, { v: { $vlte: "0.0.0" } })).toBe(true);
  });

  it("$inGroup / $notInGroup read the saved groups, list form included", () => {
    const groups = { beta: [1, 2], listed: { type: "list", values: ["a"] }, broken: { type: "condition" } };
    expect(ev({ id: 2 }, { id: { $inGroup: "beta" } }, groups)).toBe(true);
    expect(ev({ id: "a" }, { id: { $inGroup: "listed" } }, groups)).toBe(true);
    expect(ev({ id: 3 }, { id: { $notInGroup: "nope" } }, groups)).toBe(true);
    // A malformed group matches nobody, either way.
    expect(ev({ id: 3 }, { id: { $notInGroup: "broken" } }, groups)).toBe(false);
  });

  it("an unknown operator makes the value condition false, even beside passing ones", () => {
    expect(ev({ a: 1 }, { a: { $eq: 1, $between: [0, 2] } })).toBe(false);
    expect(ev({ a: 1 }, { $not: { a: { $between: [0, 2] } } })).toBe(true);
  });
});

describe("logical operators", () => {
  it("combine, with GrowthBook's empty-list rules", () => {
    const doc = { a: 1, b: 2 };
    expect(ev(doc, { $and: [{ a: 1 }, { b: 2 }] })).toBe(true);
    expect(ev(doc, { $or: [{ a: 2 }, { b: 2 }] })).toBe(true);
    expect(ev(doc, { $nor: [{ a: 2 }, { b: 3 }] })).toBe(true);
    expect(ev(doc, { $not: { a: 1 } })).toBe(false);
    expect(ev(doc, { $or: [] })).toBe(true);
    expect(ev(doc, { $nor: [] })).toBe(false);
    expect(ev(doc, {})).toBe(true);
  });

  it("malformed structure evaluates to false rather than throwing", () => {
    expect(ev({ a: 1 }, { $and: { a: 1 } })).toBe(false);
    expect(ev({ a: 1 }, { $or: [null] })).toBe(false);
    expect(ev({ a: 1 }, null)).toBe(false);
  });

  it("treats unknown top-level $keys as attribute paths, as GrowthBook does", () => {
    expect(ev({ $groups: ["a"] }, { $groups: { $elemMatch: { $eq: "a" } } })).toBe(true);
  });
});

describe("extensions", () => {
  const segments = new Map<string, SegmentDefinition>([
    ["pro", { type: "rule", condition: compileCondition({ "user.plan": "pro" }) }],
    ["pro-in-de", { type: "rule", condition: compileCondition({ $segment: "pro", "user.country": "DE" }) }],
    ["vip-list", { type: "static" }],
    ["loop-a", { type: "rule", condition: compileCondition({ $segment: "loop-b" }) }],
    ["loop-b", { type: "rule", condition: compileCondition({ $or: [{ $segment: "loop-a" }, { "user.plan": "pro" }] }) }],
  ]);
  const doc = { user: { plan: "pro", country: "DE" } };
  const envFor = (root: unknown, extra: { staticSegments?: Set<string>; events?: EngineEvent[]; now?: number } = {}) =>
    createEvalEnv({ root, segments, staticSegments: extra.staticSegments ?? new Set(), events: extra.events, now: extra.now ?? 0 });
  const run = (condition: unknown, root: unknown = doc, extra = {}) => compileCondition(condition).test(root, envFor(root, extra));

  it("$segment evaluates a rule segment on the same document, nested segments included", () => {
    expect(run({ $segment: "pro" })).toBe(true);
    expect(run({ $segment: "pro-in-de" })).toBe(true);
    expect(run({ $segment: "pro-in-de" }, { user: { plan: "pro", country: "FR" } })).toBe(false);
    expect(run({ $not: { $segment: "pro" } }, { user: { plan: "free" } })).toBe(true);
    expect(run({ $or: [{ $segment: "pro" }, { "user.plan": "team" }] }, { user: { plan: "team" } })).toBe(true);
  });

  it("$segment looks static segments up in the set passed in, and unknown keys match nobody", () => {
    expect(run({ $segment: "vip-list" }, doc, { staticSegments: new Set(["vip-list"]) })).toBe(true);
    expect(run({ $segment: "vip-list" })).toBe(false);
    expect(run({ $segment: "no-such-segment" })).toBe(false);
  });

  it("$segment survives a cycle: the repeated segment counts as false", () => {
    expect(run({ $segment: "loop-a" })).toBe(true);
    expect(run({ $segment: "loop-a" }, { user: { plan: "free" } })).toBe(false);
  });

  it("$segment inside $elemMatch still describes the profile, not the element", () => {
    const condition = { items: { $elemMatch: { x: 1, $segment: "pro" } } };
    expect(run(condition, { user: { plan: "pro" }, items: [{ x: 1 }] })).toBe(true);
    expect(run(condition, { user: { plan: "free" }, items: [{ x: 1 }] })).toBe(false);
  });

  const day = 86_400_000;
  const now = 100 * day;
  const events: EngineEvent[] = [
    { name: "purchase", properties: { amount: 30 }, occurredAt: now - 2 * day },
    { name: "purchase", properties: { amount: 10 }, occurredAt: now - 5 * day },
    { name: "purchase", properties: { amount: 50 }, occurredAt: now - 40 * day },
    { name: "purchase", properties: { amount: 70 }, occurredAt: now + day },
    { name: "signup", properties: {}, occurredAt: now - 90 * day },
  ];

  it("$event counts events by name, window and properties", () => {
    const x = { events, now };
    expect(run({ $event: { name: "purchase" } }, doc, x)).toBe(true);
    expect(run({ $event: { name: "refund" } }, doc, x)).toBe(false);
    expect(run({ $event: { name: "purchase", count: { $gte: 3 } } }, doc, x)).toBe(true);
    // The event after `now` has not happened yet.
    expect(run({ $event: { name: "purchase", count: { $gte: 4 } } }, doc, x)).toBe(false);
    expect(run({ $event: { name: "purchase", count: 2, within: { days: 30 } } }, doc, x)).toBe(true);
    expect(run({ $event: { name: "purchase", within: { hours: 47 } } }, doc, x)).toBe(false);
    expect(run({ $event: { name: "purchase", within: { days: 1, hours: 24 } } }, doc, x)).toBe(true);
    expect(run({ $event: { name: "purchase", count: { $gte: 2 }, where: { amount: { $gt: 20 } } } }, doc, x)).toBe(true);
    expect(run({ $event: { name: "purchase", count: { $gte: 2 }, within: { days: 30 }, where: { amount: { $gt: 20 } } } }, doc, x)).toBe(false);
  });

  it("$not $event means 'did not do'; count 0 passes with no events at all", () => {
    expect(run({ $not: { $event: { name: "refund" } } }, doc, { events, now })).toBe(true);
    expect(run({ $event: { name: "purchase", count: 0 } }, doc, { now })).toBe(true);
  });

  it("a malformed $event matches nobody", () => {
    expect(run({ $event: { count: 1 } }, doc, { events, now })).toBe(false);
    expect(run({ $event: "purchase" }, doc, { events, now })).toBe(false);
  });

  it("$everyone: true matches every document, also inside $and", () => {
    expect(run({ $everyone: true }, {})).toBe(true);
    expect(run({ $and: [{ $everyone: true }, { "user.plan": "pro" }] })).toBe(true);
    expect(run({ $everyone: false }, {})).toBe(false);
  });
});

describe("explain", () => {
  it("reaches the same verdict as test on every conformance case", () => {
    for (const [, condition, attributes, expected, savedGroups] of cases as unknown as [string, unknown, unknown, boolean, SavedGroups?][]) {
      const env = createEvalEnv({ root: attributes, savedGroups: savedGroups ?? {} });
      expect(compileCondition(condition).explain(attributes, env).passed).toBe(expected);
    }
  });

  it("records path, operator, expected and actual for every condition, failing or not", () => {
    const doc = { user: { plan: "free", age: 40 } };
    const trace = compileCondition({ "user.plan": "pro", "user.age": { $gte: 18, $lt: 30 } }).explain(doc, createEvalEnv({ root: doc }));
    expect(trace).toEqual<ConditionTrace>({
      kind: "all",
      passed: false,
      children: [
        { kind: "field", passed: false, path: "user.plan", operator: "=", expected: "pro", actual: "free" },
        { kind: "field", passed: true, path: "user.age", operator: "$gte", expected: 18, actual: 40 },
        { kind: "field", passed: false, path: "user.age", operator: "$lt", expected: 30, actual: 40 },
      ],
    });
  });

  it("shows a segment's own condition and an event's count", () => {
    const segments = new Map<string, SegmentDefinition>([["pro", { type: "rule", condition: compileCondition({ plan: "pro" }) }]]);
    const doc = { plan: "pro" };
    const env = createEvalEnv({ root: doc, segments, events: [{ name: "buy", properties: {}, occurredAt: 1 }, { name: "buy", properties: {}, occurredAt: 2 }], now: 10 });
    const trace = compileCondition({ $segment: "pro", $event: { name: "buy", count: { $gte: 3 } } }).explain(doc, env);
    expect(trace).toMatchObject({
      kind: "all",
      passed: false,
      children: [
        { kind: "segment", key: "pro", segmentType: "rule", passed: true, condition: { kind: "field", path: "plan", actual: "pro" } },
        { kind: "event", name: "buy", actual: 2, passed: false, expected: { $gte: 3 } },
      ],
    });
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileCondition, createEvalEnv, type EngineEvent } from "@/lib/engine";
import {
  COUNT_OPS,
  OPERATORS,
  PAGE_FIELDS,
  WINDOW_UNITS,
  canonicalModel,
  canonicalTest,
  conditionToModel,
  isPagePath,
  modelToCondition,
  newId,
  operandKind,
  type AudienceModel,
  type EventRow,
  type Group,
  type Item,
  type Row,
  type ValueTest,
  type ValueType,
  type WhereRow,
} from "./model";

/**
 * The two round trips of the audience builder:
 *   1. every model the builder can produce is read back as the same model (up to ids);
 *   2. every condition the builder accepts is written back with the same meaning, checked with
 *      the engine on generated profiles (attributes, events, static segments, page context).
 */

const RUNS = 400;

// ---------------------------------------------------------------------------------------------
// 1. model → condition → model

const TYPES: readonly ValueType[] = ["string", "number", "boolean", "version", "list"];

/** The catalog: one type per path, as the attribute catalog has it. */
const KNOWN: ReadonlyMap<string, ValueType> = new Map([
  ["user.plan", "string"],
  ["user.age", "number"],
  ["user.beta", "boolean"],
  ["user.app_version", "version"],
  ["user.tags", "list"],
  ["account.tier", "string"],
  ["cart.value", "number"],
  ["amount", "number"],
  ["sku", "string"],
]);

function typeFor(path: string): ValueType {
  const known = KNOWN.get(path);
  if (known) return known;
  let h = 0;
  for (let i = 0; i < path.length; i++) h = (h * 31 + path.charCodeAt(i)) | 0;
  return TYPES[Math.abs(h) % TYPES.length];
}

const typeOf = (path: string) => typeFor(path);

const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("", "a.b", "^x$", "(a|b)", "\\", "__proto__", "0", "ü 🎉"));
const number = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n)));
const numberOrNull = fc.option(number, { nil: null });

const path = fc
  .oneof(fc.constantFrom(...KNOWN.keys()), fc.string({ maxLength: 10 }))
  .filter((p) => !p.startsWith("$") && !isPagePath(p));

function testOf(type: ValueType): fc.Arbitrary<ValueTest> {
  return fc
    .record({
      op: fc.constantFrom(...OPERATORS[type]),
      text,
      number: numberOrNull,
      to: numberOrNull,
      texts: fc.array(text, { maxLength: 3 }),
      numbers: fc.array(number, { maxLength: 3 }),
      strict: fc.boolean(),
    })
    .map(({ op, text: t, number: n, to, texts, numbers, strict }) => {
      const kind = operandKind(type, op);
      const value = kind === "number" || kind === "range" ? n : t;
      const values = kind === "numbers" ? numbers : texts;
      return canonicalTest({ type, op, value, to, values, strict });
    });
}

const attributeRow: fc.Arbitrary<Row> = path.chain((p) => testOf(typeFor(p)).map((test) => ({ kind: "attribute" as const, id: newId(), path: p, test })));

const pageRow: fc.Arbitrary<Row> = fc
  .record({ field: fc.constantFrom(...PAGE_FIELDS), param: text, test: testOf("string") })
  .map(({ field, param, test }) => ({ kind: "page" as const, id: newId(), field, param: field === "query" ? param : "", test }));

const whereRow: fc.Arbitrary<WhereRow> = path.chain((p) => testOf(typeFor(p)).map((test) => ({ id: newId("w"), path: p, test })));

const eventRow: fc.Arbitrary<Row> = fc
  .record({
    did: fc.boolean(),
    name: text,
    count: fc.option(
      fc.record({ op: fc.constantFrom(...COUNT_OPS), value: fc.option(fc.nat(50), { nil: null }), to: fc.option(fc.nat(50), { nil: null }) }),
      { nil: null },
    ),
    within: fc.option(fc.record({ amount: fc.option(fc.nat(400), { nil: null }), unit: fc.constantFrom(...WINDOW_UNITS) }), { nil: null }),
    where: fc.array(whereRow, { maxLength: 3 }),
  })
  .map(
    (r): EventRow => ({
      kind: "event",
      id: newId(),
      ...r,
      count: r.count === null ? null : { ...r.count, to: r.count.op === "between" ? r.count.to : null },
    }),
  );

const segmentRow: fc.Arbitrary<Row> = fc.record({ key: text, member: fc.boolean() }).map((r) => ({ kind: "segment" as const, id: newId(), ...r }));

const row = fc.oneof(attributeRow, pageRow, eventRow, segmentRow);

const group: fc.Arbitrary<Group> = fc
  .record({ combinator: fc.constantFrom("and" as const, "or" as const), items: fc.array(row, { minLength: 1, maxLength: 3 }) })
  .map((g) => ({ kind: "group", id: newId("g"), ...g }));

const builderModel: fc.Arbitrary<AudienceModel> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<AudienceModel>({ kind: "empty" }) },
  { weight: 1, arbitrary: fc.constant<AudienceModel>({ kind: "everyone" }) },
  {
    weight: 12,
    arbitrary: fc
      .record({
        combinator: fc.constantFrom("and" as const, "or" as const),
        items: fc.array(fc.oneof({ weight: 3, arbitrary: row }, { weight: 1, arbitrary: group as fc.Arbitrary<Item> }), { minLength: 1, maxLength: 4 }),
      })
      .map((r): AudienceModel => ({ kind: "rules", ...r })),
  },
);

describe("model → condition → model", () => {
  it("gives back the same model for anything the builder can produce", () => {
    fc.assert(
      fc.property(builderModel, (model) => {
        const condition = modelToCondition(model);
        const back = conditionToModel(condition, { typeOf });
        if ("unsupported" in back) throw new Error(`the builder wrote what it cannot read: ${back.unsupported}\n${JSON.stringify(condition)}`);
        expect(canonicalModel(back.model)).toEqual(canonicalModel(model));
      }),
      { numRuns: RUNS },
    );
  });

  it("writes JSON-safe conditions (what is saved is what is read)", () => {
    fc.assert(
      fc.property(builderModel, (model) => {
        const condition = modelToCondition(model);
        const reparsed: unknown = JSON.parse(JSON.stringify(condition));
        expect(reparsed).toEqual(condition);
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// 2. condition → model → condition, compared by evaluation

const PLANS = ["pro", "free", "lapsed", "PRO", "pro-trial", "a.b", "axb"];
const TAGS = ["vip", "a", "b", "churned"];
const EVENT_NAMES = ["purchase", "login", "p"];
const SEGMENTS = ["vip", "staff", "beta"];
const NOW = Date.UTC(2026, 10, 28, 12);

const scalar = fc.oneof(fc.constantFrom(...PLANS), fc.integer({ min: -2, max: 120 }), fc.boolean(), fc.constant(null));

const attributeLeafPath = fc.constantFrom("user.plan", "user.age", "user.beta", "user.app_version", "user.tags", "account.tier", "cart.value", "user.missing");
const pageLeafPath = fc.constantFrom("context.path", "context.url", "context.referrer", "context.query.utm_source", "context.query.missing");
const pattern = fc.oneof(
  fc.constantFrom(...PLANS).map((s) => s.replace(/[.]/g, "\\.")),
  fc.constantFrom("^pro", "pro$", "^pro$", "a.b", "a\\.b", "^/pricing", "\\?x=1$", "^$", "", "^", "$", "p(ro|ree)", "\\d+", "[a-z]+"),
);
const version = fc.constantFrom("1.2.0", "2.3.1", "10.0.0", "2", "1.2.0-beta");

const valueCondition: fc.Arbitrary<unknown> = fc.oneof(
  scalar,
  scalar.map((v) => ({ $eq: v })),
  scalar.map((v) => ({ $ne: v })),
  fc.tuple(fc.constantFrom("$lt", "$lte", "$gt", "$gte"), fc.oneof(fc.integer({ min: -2, max: 120 }), fc.constant(null), fc.constantFrom("m", "pro"))).map(([op, v]) => ({ [op]: v })),
  fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })).map(([a, b]) => ({ $gte: a, $lte: b })),
  fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })).map(([a, b]) => ({ $gt: a, $lt: b })),
  pattern.map((p) => ({ $regex: p })),
  pattern.map((p) => ({ $regexi: p })),
  fc.tuple(fc.constantFrom("$in", "$nin"), fc.oneof(fc.array(fc.constantFrom(...PLANS, ...TAGS), { maxLength: 3 }), fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 3 }), fc.array(scalar, { maxLength: 3 }))).map(([op, list]) => ({ [op]: list })),
  fc.boolean().map((b) => ({ $exists: b })),
  fc.tuple(fc.constantFrom("$veq", "$vne", "$vgt", "$vgte", "$vlt", "$vlte"), version).map(([op, v]) => ({ [op]: v })),
  fc.constantFrom(...TAGS).map((t) => ({ $elemMatch: { $eq: t } })),
  fc.constantFrom(...TAGS).map((t) => ({ $not: { $elemMatch: { $eq: t } } })),
  fc.array(fc.constantFrom(...TAGS), { maxLength: 2 }).map((list) => ({ $all: list })),
  fc.constantFrom({ $size: 0 }, { $size: { $gt: 0 } }, { $size: { $gt: 1 } }, { $size: { $gte: 1 } }, { $size: 2 }, { $elemMatch: { x: 1 } }),
);

const attributeLeaf = fc.tuple(attributeLeafPath, valueCondition).map(([p, v]) => ({ [p]: v }));
const pageLeaf = fc.tuple(pageLeafPath, valueCondition).map(([p, v]) => ({ [p]: v }));
const segmentLeaf = fc.tuple(fc.constantFrom(...SEGMENTS), fc.boolean()).map(([key, member]) => (member ? { $segment: key } : { $not: { $segment: key } }));

const whereCondition = fc.oneof(
  fc.record({ amount: valueCondition }),
  fc.record({ amount: valueCondition, sku: valueCondition }),
  fc.tuple(valueCondition, valueCondition).map(([a, b]) => ({ $and: [{ amount: a }, { amount: b }] })),
  fc.constant({}),
);

const eventLeaf = fc
  .record(
    {
      name: fc.constantFrom(...EVENT_NAMES),
      count: fc.oneof(
        fc.nat(3),
        fc.tuple(fc.constantFrom("$gte", "$gt", "$eq", "$lte", "$lt", "$ne"), fc.nat(3)).map(([op, n]) => ({ [op]: n })),
        fc.tuple(fc.nat(3), fc.nat(3)).map(([a, b]) => ({ $gte: a, $lte: b })),
      ),
      within: fc.oneof(
        fc.tuple(fc.constantFrom("days", "hours", "minutes"), fc.integer({ min: 1, max: 100 })).map(([u, n]) => ({ [u]: n })),
        fc.constant({ days: 1, hours: 2 }),
      ),
      where: whereCondition,
    },
    { requiredKeys: ["name"] },
  )
  .chain((spec) => fc.boolean().map((did) => (did ? { $event: spec } : { $not: { $event: spec } })));

const leaf = fc.oneof(attributeLeaf, pageLeaf, segmentLeaf, eventLeaf);

/** Conditions in many shapes: what the builder writes, hand-written variants, and things it must refuse. */
const { node: handWritten } = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    leaf,
    fc.tuple(attributeLeaf, leaf).map(([a, b]) => ({ ...b, ...a })),
    fc.array(tie("node"), { minLength: 1, maxLength: 3 }).map((list) => ({ $and: list })),
    fc.array(tie("node"), { minLength: 1, maxLength: 3 }).map((list) => ({ $or: list })),
    fc.array(tie("node"), { maxLength: 2 }).map((list) => ({ $nor: list })),
    fc.constant({ $everyone: true }),
  ),
}));

const doc = fc.record({
  user: fc.record(
    {
      plan: fc.constantFrom(...PLANS),
      age: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.constantFrom("30", null)),
      beta: fc.oneof(fc.boolean(), fc.constantFrom(0, 1, "yes", "")),
      app_version: version,
      tags: fc.oneof(fc.subarray(TAGS), fc.constant("vip")),
    },
    { requiredKeys: [] },
  ),
  account: fc.record({ tier: fc.constantFrom("gold", "silver"), seats: fc.nat(10) }, { requiredKeys: [] }),
  cart: fc.record({ value: fc.integer({ min: 0, max: 300 }) }, { requiredKeys: [] }),
  context: fc.record({
    url: fc.constantFrom("https://shop.example/pricing?x=1", "https://shop.example/", null),
    path: fc.constantFrom("/pricing", "/", "/pricing/pro", null),
    referrer: fc.constantFrom("https://www.google.com/", "a.b", null),
    query: fc.record({ utm_source: fc.constantFrom("newsletter", "ads", "vip") }, { requiredKeys: [] }),
  }),
});

const events = fc.array(
  fc.record({
    name: fc.constantFrom(...EVENT_NAMES),
    properties: fc.record({ amount: fc.integer({ min: 0, max: 120 }), sku: fc.constantFrom("pro", "a.b", "HAT") }, { requiredKeys: [] }),
    hoursAgo: fc.integer({ min: 0, max: 24 * 60 }),
  }),
  { maxLength: 6 },
);

const world = fc.record({ doc, events, segments: fc.subarray(SEGMENTS) });
type World = { doc: unknown; events: { name: string; properties: Record<string, unknown>; hoursAgo: number }[]; segments: string[] };

function evaluate(condition: unknown, w: World): boolean {
  const engineEvents: EngineEvent[] = w.events.map((e) => ({ name: e.name, properties: e.properties, occurredAt: NOW - e.hoursAgo * 3_600_000 }));
  const env = createEvalEnv({ root: w.doc, now: NOW, events: engineEvents, staticSegments: new Set(w.segments) });
  return compileCondition(condition).test(w.doc, env);
}

describe("condition → model → condition", () => {
  it("keeps the meaning of every condition it accepts (same result on generated profiles)", () => {
    let accepted = 0;
    fc.assert(
      fc.property(handWritten, fc.array(world, { minLength: 8, maxLength: 8 }), (condition, worlds) => {
        const read = conditionToModel(condition);
        if ("unsupported" in read) return;
        accepted++;
        const written = modelToCondition(read.model);
        for (const w of worlds) expect(evaluate(written ?? {}, w)).toBe(evaluate(condition, w));
      }),
      { numRuns: RUNS * 2 },
    );
    // The generator must exercise the mapping, not only the refusals.
    expect(accepted).toBeGreaterThan(RUNS / 2);
  });

  it("reaches a fixed point: what it writes, it reads and writes identically", () => {
    fc.assert(
      fc.property(handWritten, (condition) => {
        const read = conditionToModel(condition);
        if ("unsupported" in read) return;
        const written = modelToCondition(read.model);
        const again = conditionToModel(written);
        if ("unsupported" in again) throw new Error(`cannot read its own output: ${again.unsupported}`);
        expect(modelToCondition(again.model)).toEqual(written);
      }),
      { numRuns: RUNS },
    );
  });

  it("never accepts a condition it would write differently in meaning (refusals are not silent)", () => {
    // Everything either round-trips (above) or is refused with a reason a person can read.
    fc.assert(
      fc.property(handWritten, (condition) => {
        const read = conditionToModel(condition);
        if ("unsupported" in read) expect(read.unsupported.length).toBeGreaterThan(3);
      }),
      { numRuns: RUNS },
    );
  });
});

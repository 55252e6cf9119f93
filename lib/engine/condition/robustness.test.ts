import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileCondition } from "./compile";
import { createEvalEnv } from "./env";
import { evalCondition } from "./evaluate";

// Documents come from request bodies and conditions from users: whatever they hold, evaluation
// returns a boolean and the explained verdict equals the fast one.
const key = fc.constantFrom("a", "b", "a.b", "toString", "valueOf", "__proto__", "constructor", "$and", "$or", "$not", "$nor", "$segment", "$event", "$everyone");
const operator = fc.constantFrom("$eq", "$ne", "$lt", "$gte", "$in", "$nin", "$ini", "$all", "$alli", "$size", "$elemMatch", "$exists", "$type", "$regex", "$regexi", "$not", "$vgt", "$veq", "$inGroup", "$bogus");
const value = fc.jsonValue({ maxDepth: 2 });
const condition: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    fc.dictionary(key, value, { maxKeys: 3 }),
    fc.dictionary(key, fc.dictionary(operator, value, { maxKeys: 2 }), { maxKeys: 2 }),
    fc.record({ $and: fc.array(tie("node"), { maxLength: 3 }) }),
    fc.record({ $or: fc.array(tie("node"), { maxLength: 3 }) }),
    fc.record({ $not: tie("node") }),
  ),
})).node;
const hostile = fc.constantFrom<unknown>({ toString: 1, valueOf: 1 }, { a: { toString: "x", valueOf: null } }, { a: [{ toString: 2 }] }, Object.create(null));
const doc = fc.oneof(fc.dictionary(key, value, { maxKeys: 4 }), hostile);

describe("robustness", () => {
  it("never throws and explain agrees with test", () => {
    fc.assert(
      fc.property(condition, doc, (c, d) => {
        const compiled = compileCondition(c);
        const env = createEvalEnv({ root: d });
        const verdict = compiled.test(d, env);
        expect(typeof verdict).toBe("boolean");
        expect(compiled.explain(d, env).passed).toBe(verdict);
      }),
      { numRuns: 2000 },
    );
  });

  it("makes an operator false when its coercion throws", () => {
    const hostileDoc = { a: { toString: 1, valueOf: 1 } };
    expect(evalCondition(hostileDoc, { a: "x" })).toBe(false);
    expect(evalCondition(hostileDoc, { a: 1 })).toBe(false);
    expect(evalCondition(hostileDoc, { a: { $gt: 0 } })).toBe(false);
    expect(evalCondition(hostileDoc, { a: { $regex: "." } })).toBe(false);
    expect(evalCondition(hostileDoc, { $not: { a: "x" } })).toBe(true);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyPatch, collectPaths, unionPreferring, type JsonType } from "./attributes";

describe("applyPatch", () => {
  it("merges objects recursively, replaces other values, and removes keys set to null", () => {
    const before = { plan: "free", address: { city: "Berlin", zip: "10115" }, tags: ["a"], gone: 1 };
    const after = applyPatch(before, { plan: "pro", address: { city: "Munich", zip: null }, tags: ["b"], gone: null, fresh: { x: 1 } });
    expect(after).toEqual({ plan: "pro", address: { city: "Munich" }, tags: ["b"], fresh: { x: 1 } });
    expect(before).toEqual({ plan: "free", address: { city: "Berlin", zip: "10115" }, tags: ["a"], gone: 1 });
  });

  it("replaces a scalar with an object and an object with a scalar", () => {
    expect(applyPatch({ a: 1, b: { c: 1 } }, { a: { x: 1 }, b: 2 })).toEqual({ a: { x: 1 }, b: 2 });
  });

  it("is idempotent: applying the same patch twice changes nothing more", () => {
    const json = fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })) as fc.Arbitrary<Record<string, unknown>>;
    fc.assert(
      fc.property(json, json, (target, patch) => {
        const once = applyPatch(target, patch);
        expect(applyPatch(once, patch)).toEqual(once);
      }),
    );
  });
});

describe("unionPreferring", () => {
  it("keeps every key of both and the winner's value where both have one", () => {
    expect(unionPreferring({ plan: "free", anon: true, a: { x: 1, y: 1 } }, { plan: "pro", a: { y: 2 } })).toEqual({ plan: "pro", anon: true, a: { x: 1, y: 2 } });
  });
});

describe("collectPaths", () => {
  it("lists nested paths with their JSON types and skips a patch's nulls when asked", () => {
    const out = new Map<string, JsonType>();
    collectPaths("user", { plan: "pro", age: 3, vip: true, address: { city: "x" }, tags: [1], gone: null }, out, 100, true);
    expect(Object.fromEntries(out)).toEqual({
      "user.plan": "string",
      "user.age": "number",
      "user.vip": "boolean",
      "user.address": "object",
      "user.address.city": "string",
      "user.tags": "array",
    });
  });

  it("stops at the limit", () => {
    const out = new Map<string, JsonType>();
    collectPaths("properties", { a: 1, b: 2, c: 3 }, out, 2);
    expect(out.size).toBe(2);
  });
});

describe("hostile keys", () => {
  it("stores __proto__ as a plain key and never touches prototypes", () => {
    const patch = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const out = applyPatch({}, patch);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(JSON.stringify(out))).toEqual(JSON.parse('{"__proto__": {"polluted": true}, "a": 1}'));
  });
});

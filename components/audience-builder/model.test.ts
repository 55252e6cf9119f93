import { describe, expect, it } from "vitest";
import {
  canonicalModel,
  conditionToModel,
  escapeRegex,
  literalOf,
  modelToCondition,
  modelToConditionWithPaths,
  withOperator,
  emptyTest,
  type AudienceModel,
  type ToModelOptions,
} from "./model";

function model(condition: unknown, options?: ToModelOptions): AudienceModel {
  const result = conditionToModel(condition, options);
  if ("unsupported" in result) throw new Error(`unsupported: ${result.unsupported}`);
  return result.model;
}

/** Reads a condition and writes it back. */
function roundTrip(condition: unknown, options?: ToModelOptions): unknown {
  return modelToCondition(model(condition, options));
}

describe("conditionToModel / modelToCondition: conditions written back unchanged", () => {
  const same: [string, unknown][] = [
    ["SPEC §6.3's example", { "user.plan": "lapsed" }],
    ["the explicit everyone", { $everyone: true }],
    ["AND of attribute and event (SPEC §3's audience example)", { $and: [{ "user.plan": "lapsed" }, { $event: { name: "purchase", count: { $gte: 2 }, within: { days: 30 } } }] }],
    ["OR with a nested AND", { $or: [{ "account.tier": "gold" }, { $and: [{ "user.age": { $gte: 18 } }, { "user.country": { $in: ["DE", "AT"] } }] }] }],
    ["a strict $eq stays one", { "user.plan": { $eq: "pro" } }],
    ["not equals", { "user.plan": { $ne: "free" } }],
    ["contains, escaped", { "user.email": { $regex: "@example\\.com" } }],
    ["starts with", { "context.path": { $regex: "^/pricing" } }],
    ["ends with", { "context.url": { $regex: "\\?ref=ad$" } }],
    ["a real regex", { "user.email": { $regex: "^[a-z]+@(shop|store)\\.example$" } }],
    ["number between", { "user.age": { $gte: 18, $lte: 65 } }],
    ["number comparisons", { $and: [{ "cart.value": { $gt: 100 } }, { "account.seats": { $lt: 5 } }, { "user.score": 7 }] }],
    ["booleans", { $or: [{ "user.beta": true }, { "user.employee": { $eq: false } }] }],
    ["versions", { "user.app_version": { $vgte: "2.3.0" } }],
    ["list contains / does not contain", { $and: [{ "user.tags": { $elemMatch: { $eq: "vip" } } }, { "user.tags": { $not: { $elemMatch: { $eq: "churned" } } } }] }],
    ["list contains all, empty, not empty", { $and: [{ "user.tags": { $all: ["a", "b"] } }, { "user.cart": { $size: 0 } }, { "user.wishlist": { $size: { $gt: 0 } } }] }],
    ["exists / does not exist", { $and: [{ "user.email": { $exists: true } }, { "user.phone": { $exists: false } }] }],
    ["segments in / not in", { $and: [{ $segment: "vip" }, { $not: { $segment: "staff" } }] }],
    ["did not do", { $not: { $event: { name: "purchase", within: { hours: 48 } } } }],
    ["event with where rows", { $event: { name: "purchase", count: { $gte: 2, $lte: 5 }, where: { amount: { $gt: 20 }, sku: { $regex: "^SHOE-" } } } }],
    ["event where testing one property twice", { $event: { name: "purchase", where: { $and: [{ amount: { $gt: 20 } }, { amount: { $lt: 100 } }] } } }],
    ["query parameter", { "context.query.utm_source": { $in: ["newsletter", "ads"] } }],
    ["referrer", { "context.referrer": { $regex: "google\\." } }],
    ["an incomplete row the builder wrote", { $and: [{ "": "" }, { "user.age": { $gt: null } }, { $event: { name: "" } }, { $segment: "" }] }],
    ["a root AND holding one sub-group", { $and: [{ $or: [{ "user.a": "x" }, { "user.b": "y" }] }] }],
    ["an OR of one row", { $or: [{ "user.plan": "pro" }] }],
    ["a __proto__ key stays an own key", Object.fromEntries([["__proto__", "x"]])],
  ];
  it.each(same)("%s", (_name, condition) => {
    expect(roundTrip(condition)).toEqual(condition);
  });

  it("reads null, undefined and {} as the empty audience, and writes it as null", () => {
    for (const empty of [null, undefined, {}]) {
      expect(model(empty)).toEqual({ kind: "empty" });
      expect(roundTrip(empty)).toBeNull();
    }
  });
});

describe("conditionToModel: rewrites that keep the meaning exactly", () => {
  const rewritten: [string, unknown, unknown][] = [
    ["a flat object is an implicit AND", { "user.plan": "pro", "user.age": { $gte: 18 } }, { $and: [{ "user.plan": "pro" }, { "user.age": { $gte: 18 } }] }],
    ["$and of one", { $and: [{ "user.plan": "pro" }] }, { "user.plan": "pro" }],
    ["count: 3 is count $eq 3", { $event: { name: "login", count: 3 } }, { $event: { name: "login", count: { $eq: 3 } } }],
    ["an $and-form where with distinct properties becomes flat", { $event: { name: "p", where: { $and: [{ a: 1 }, { b: 2 }] } } }, { $event: { name: "p", where: { a: 1, b: 2 } } }],
    ["a flat object next to $or", { "user.plan": "pro", $or: [{ "user.a": 1 }, { "user.b": 2 }] }, { $and: [{ "user.plan": "pro" }, { $or: [{ "user.a": 1 }, { "user.b": 2 }] }] }],
    ["several keys inside an AND group", { $or: [{ "user.a": 1, "user.b": 2 }, { "user.c": 3 }] }, { $or: [{ $and: [{ "user.a": 1 }, { "user.b": 2 }] }, { "user.c": 3 }] }],
    ["an empty where", { $event: { name: "p", where: {} } }, { $event: { name: "p" } }],
  ];
  it.each(rewritten)("%s", (_name, condition, expected) => {
    expect(roundTrip(condition)).toEqual(expected);
  });
});

describe("conditionToModel: what the builder cannot show is refused, with a reason", () => {
  const refused: [string, unknown, RegExp][] = [
    ["$nor", { $nor: [{ "user.a": 1 }] }, /\$nor/],
    ["an unknown operator", { "user.a": { $foo: 1 } }, /\$foo/],
    ["case-insensitive regex", { "user.email": { $regexi: "x" } }, /\$regexi/],
    ["$elemMatch with an object", { "user.orders": { $elemMatch: { total: { $gt: 5 } } } }, /\$elemMatch/],
    ["groups two levels deep", { $and: [{ $or: [{ $and: [{ "user.a": 1 }, { "user.b": 2 }] }, { "user.c": 3 }] }] }, /nested|level/],
    ["$not around an attribute", { $not: { "user.plan": "pro" } }, /\$not/],
    ["several operators on one attribute", { "user.age": { $gt: 1, $lt: 5 } }, /several operators/],
    ["comparison with null", { "user.plan": null }, /null/],
    ["literal object equality", { "user.address": { city: "Berlin" } }, /literal object/],
    ["an $event with an unknown field", { $event: { name: "p", since: "2020" } }, /since/],
    ["an $event window of two units", { $event: { name: "p", within: { days: 1, hours: 2 } } }, /window/],
    ["an $event count with $ne", { $event: { name: "p", count: { $ne: 1 } } }, /count/],
    ["$everyone with other keys", { $everyone: true, "user.a": 1 }, /\$everyone/],
    ["$everyone false", { $everyone: false }, /\$everyone/],
    ["a page condition that is not text", { "context.path": { $gt: 3 } }, /page conditions compare text/],
    ["$in mixing types", { "user.a": { $in: ["x", 1] } }, /mix/],
    ["string comparison with <", { "user.plan": { $lt: "m" } }, /\$lt/],
    ["an empty {} inside a group", { $and: [{}, { "user.a": 1 }] }, /empty condition/],
    ["not an object", ["user.a"], /condition object/],
    ["$segment with a number", { $segment: 5 }, /\$segment/],
  ];
  it.each(refused)("%s", (_name, condition, reason) => {
    const result = conditionToModel(condition);
    expect(result).toHaveProperty("unsupported");
    if ("unsupported" in result) expect(result.unsupported).toMatch(reason);
  });
});

describe("value types", () => {
  it("uses the catalog's type only where the JSON does not say", () => {
    const typeOf = (path: string) => (path === "user.tags" ? "list" : path === "user.age" ? "number" : undefined);
    const tags = model({ "user.tags": { $in: ["a"] } }, { typeOf });
    expect(tags).toMatchObject({ items: [{ test: { type: "list", op: "list_contains_any" } }] });
    const plan = model({ "user.plan": { $in: ["a"] } }, { typeOf });
    expect(plan).toMatchObject({ items: [{ test: { type: "string", op: "in" } }] });
    const age = model({ "user.age": { $exists: true } }, { typeOf });
    expect(age).toMatchObject({ items: [{ test: { type: "number", op: "exists" } }] });
    // The JSON wins over the catalog: a number literal is a number test whatever the catalog says.
    const typed = model({ "user.tags": 5 }, { typeOf });
    expect(typed).toMatchObject({ items: [{ test: { type: "number", op: "equals", value: 5 } }] });
  });

  it("classifies $regex literals", () => {
    expect(model({ "user.a": { $regex: "a\\.b" } })).toMatchObject({ items: [{ test: { op: "contains", value: "a.b" } }] });
    expect(model({ "user.a": { $regex: "^" } })).toMatchObject({ items: [{ test: { op: "starts_with", value: "" } }] });
    expect(model({ "user.a": { $regex: "\\$" } })).toMatchObject({ items: [{ test: { op: "contains", value: "$" } }] });
    expect(model({ "user.a": { $regex: "^x$" } })).toMatchObject({ items: [{ test: { op: "matches", value: "^x$" } }] });
    expect(model({ "user.a": { $regex: "\\d+" } })).toMatchObject({ items: [{ test: { op: "matches", value: "\\d+" } }] });
  });

  it("escapes and unescapes every regex syntax character", () => {
    const text = "a\\b^c$d.e*f+g?h(i)j[k]l{m}n|o/p-q";
    expect(literalOf(escapeRegex(text))).toBe(text);
    expect(new RegExp(escapeRegex(text)).test(`xx${text}yy`)).toBe(true);
  });

  it("carries operands over when the operator changes", () => {
    const contains = { ...emptyTest("string", "contains"), value: "a.b" };
    expect(withOperator(contains, "matches")).toMatchObject({ op: "matches", value: "a\\.b" });
    expect(withOperator(contains, "in")).toMatchObject({ op: "in", values: ["a.b"] });
    expect(withOperator({ ...emptyTest("number", "gt"), value: 3 }, "between")).toMatchObject({ op: "between", value: 3, to: null });
  });
});

describe("modelToConditionWithPaths", () => {
  it("says where each row was written, matching the validator's problem paths", () => {
    const m = model({
      $or: [
        { "user.plan": "pro" },
        { $and: [{ $segment: "vip" }, { $not: { $event: { name: "p", where: { $and: [{ a: 1 }, { a: 2 }] } } } }] },
      ],
    });
    const { paths } = modelToConditionWithPaths(m);
    expect([...paths.values()]).toEqual(["$or.0", "$or.1", "$or.1.$and.0", "$or.1.$and.1", "$or.1.$and.1.$not.$event.where.$and.0", "$or.1.$and.1.$not.$event.where.$and.1"]);
  });

  it("puts a single root row at the root", () => {
    const { paths } = modelToConditionWithPaths(model({ "user.plan": "pro" }));
    expect([...paths.values()]).toEqual([""]);
  });
});

describe("canonicalModel", () => {
  it("ignores ids and unused operands", () => {
    const a = model({ "user.plan": "pro" });
    const b = model({ "user.plan": "pro" });
    expect(canonicalModel(a)).toEqual(canonicalModel(b));
  });
});

import { describe, expect, it } from "vitest";
import { findSegmentRefs, validateCondition } from "./validate";

const segmentKeys = ["pro", "vip"];
const check = (condition: unknown) => validateCondition(condition, { segmentKeys });

describe("validateCondition", () => {
  it("accepts well-formed conditions with every operator and extension", () => {
    expect(
      check({
        "user.plan": "pro",
        "user.age": { $gte: 18, $lt: 65 },
        "user.tags": { $in: ["a"], $nin: ["b"], $all: ["a"], $size: { $gt: 0 }, $elemMatch: { $eq: "a" } },
        "context.url": { $regexi: "^https://" },
        "user.country": { $ini: ["de"], $exists: true, $type: "string", $not: { $eq: "FR" } },
        "context.userAgent": { $vgte: "1.2.3" },
        $or: [{ $segment: "pro" }, { $not: { $segment: "vip" } }],
        $and: [{ $everyone: true }],
        $nor: [{ $event: { name: "refund" } }],
        $event: { name: "purchase", count: { $gte: 2 }, within: { days: 30 }, where: { amount: { $gt: 20 } } },
      }),
    ).toEqual([]);
  });

  it("names every problem by its path", () => {
    expect(
      check({
        "user.plan": { $equals: "pro" },
        $or: [{ "context.url": { $regex: "(a)\\1" } }, { $segment: "nope" }],
        $and: { a: 1 },
        $bogus: 1,
        "user..x": 1,
        $everyone: false,
      }),
    ).toEqual([
      { path: "user.plan.$equals", message: "unknown operator $equals" },
      { path: "$or.0.context.url.$regex", message: expect.stringMatching(/linear-time/) },
      { path: "$or.1.$segment", message: 'unknown segment "nope"' },
      { path: "$and", message: "$and takes an array of conditions" },
      { path: "$bogus", message: "unknown operator $bogus" },
      { path: "user..x", message: expect.stringMatching(/not a valid attribute path/) },
      { path: "$everyone", message: expect.stringMatching(/must be true/) },
    ]);
  });

  it("checks operand types", () => {
    const problems = check({
      a: { $in: "x" },
      b: { $gt: [1] },
      c: { $exists: "yes" },
      d: { $type: "date" },
      e: { $size: -1 },
      f: { $eq: { x: 1 } },
      g: { $vgt: null },
      h: { $elemMatch: 5 },
    });
    expect(problems.map((p) => p.path)).toEqual(["a.$in", "b.$gt", "c.$exists", "d.$type", "e.$size", "f.$eq", "g.$vgt", "h.$elemMatch"]);
  });

  it("explains malformed $event operands", () => {
    expect(check({ $event: { count: { $gte: "2" }, within: { weeks: 1 }, extra: true } }).map((p) => p.path)).toEqual([
      "$event.extra",
      "$event.name",
      "$event.count.$gte",
      "$event.within.weeks",
      "$event.within",
    ]);
    expect(check({ $event: { name: "x", where: { $segment: "pro" } } })).toEqual([
      { path: "$event.where.$segment", message: expect.stringMatching(/cannot be used inside \$event\.where/) },
    ]);
  });

  it("flags saved groups, which Bespoke replaces with segments, unless ids are given", () => {
    expect(check({ id: { $inGroup: "g" } })[0].message).toMatch(/\$segment/);
    expect(validateCondition({ id: { $inGroup: "g" } }, { segmentKeys, savedGroupIds: ["g"] })).toEqual([]);
  });

  it("rejects a condition that is not an object", () => {
    expect(check([{ a: 1 }])).toEqual([{ path: "", message: "a condition must be an object" }]);
    expect(check(null)).toHaveLength(1);
  });
});

describe("findSegmentRefs", () => {
  it("finds every referenced key once, at any depth", () => {
    expect(
      findSegmentRefs({
        $segment: "a",
        $or: [{ $not: { $segment: "b" } }, { $segment: "a" }],
        $event: { name: "x", where: { $segment: "c" } },
        tags: { $elemMatch: { k: 1, $segment: "d" } },
      }),
    ).toEqual(["a", "b", "c", "d"]);
    expect(findSegmentRefs({ plan: "pro" })).toEqual([]);
  });
});

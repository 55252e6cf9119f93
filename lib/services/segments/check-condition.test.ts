import { describe, expect, it } from "vitest";
import { findCycle } from "./check-condition";

const graph = (edges: Record<string, string[]>) => (key: string) => edges[key] ?? [];

describe("findCycle", () => {
  it("finds a self-reference", () => {
    expect(findCycle("a", graph({ a: ["a"] }))).toEqual(["a", "a"]);
  });

  it("finds a longer cycle back to the start, as a path", () => {
    expect(findCycle("a", graph({ a: ["x", "b"], b: ["c"], c: ["a"], x: [] }))).toEqual(["a", "b", "c", "a"]);
  });

  it("ignores diamonds and cycles that do not pass through the start", () => {
    expect(findCycle("a", graph({ a: ["b", "c"], b: ["d"], c: ["d"], d: [] }))).toBeNull();
    expect(findCycle("a", graph({ a: ["b"], b: ["c"], c: ["b"] }))).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import cases from "@/test/fixtures/growthbook/evalCondition.json";
import { evalCondition } from "./evaluate";
import type { SavedGroups } from "./types";

// GrowthBook's cross-SDK suite (spec 0.8.0): every case, exactly as GrowthBook's runner calls it.
type Case = [name: string, condition: unknown, attributes: unknown, expected: boolean, savedGroups?: SavedGroups];

describe("GrowthBook evalCondition conformance", () => {
  const all = cases as unknown as Case[];

  it("has all 248 cases", () => {
    expect(all).toHaveLength(248);
  });

  it.each(all.map((c, i) => [i, ...c] as const))("#%i %s", (_i, _name, condition, attributes, expected, savedGroups) => {
    expect(evalCondition(attributes, condition, savedGroups ?? {})).toBe(expected);
  });
});

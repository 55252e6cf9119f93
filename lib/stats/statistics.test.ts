import { describe, expect, it } from "vitest";
import {
  armMean,
  armStddev,
  armVariance,
  assertArmStatistic,
  isSampleMean,
  sumSquaresOf,
} from "./statistics";

describe("sample mean statistic", () => {
  // Values 2, 4, 4, 4, 5, 5, 7, 9: Σx = 40, Σx² = 4+16+16+16+25+25+49+81 = 232, mean 5,
  // Σ(x − 5)² = 9+1+1+1+0+0+4+16 = 32, so the n − 1 variance is 32/7 (the textbook set whose
  // population variance is 4).
  const stat = { n: 8, sum: 40, sumSquares: 232 };

  it("has the mean and the unbiased (n − 1) variance", () => {
    expect(armMean(stat)).toBe(5);
    expect(armVariance(stat)).toBeCloseTo(32 / 7, 14);
    expect(armStddev(stat)).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(sumSquaresOf(stat)).toBe(232);
    expect(isSampleMean(stat)).toBe(true);
  });

  it("gives 0 for an empty arm and no spread from one unit", () => {
    expect(armMean({ n: 0, sum: 0, sumSquares: 0 })).toBe(0);
    expect(armVariance({ n: 1, sum: 3, sumSquares: 9 })).toBe(0);
  });
});

describe("proportion statistic", () => {
  it("uses gbstats's p(1 − p), not the n − 1 form", () => {
    const stat = { n: 1000, sum: 100 };
    expect(isSampleMean(stat)).toBe(false);
    expect(armMean(stat)).toBe(0.1);
    expect(armVariance(stat)).toBeCloseTo(0.09, 15);
    expect(sumSquaresOf(stat)).toBe(100);
    // The same data as a sample mean would be 0.09 · 1000/999.
    expect(armVariance({ n: 1000, sum: 100, sumSquares: 100 })).toBeCloseTo((0.09 * 1000) / 999, 14);
  });
});

describe("input checks", () => {
  it("rejects impossible statistics", () => {
    expect(() => assertArmStatistic({ n: -1, sum: 0 }, "x")).toThrow(RangeError);
    expect(() => assertArmStatistic({ n: 10, sum: 11 }, "x")).toThrow(RangeError);
    expect(() => assertArmStatistic({ n: 10, sum: Number.NaN, sumSquares: 1 }, "x")).toThrow(RangeError);
    expect(() => assertArmStatistic({ n: 10, sum: 1, sumSquares: -1 }, "x")).toThrow(RangeError);
    expect(() => assertArmStatistic({ n: 0, sum: 0 }, "x")).not.toThrow();
  });
});

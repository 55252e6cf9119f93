import { describe, expect, it } from "vitest";
import { chiSquareGoodnessOfFit, srmCheck } from "./srm";

// χ² = Σ (observed − expected)² / expected, worked by hand below; p-values cross-checked with
// SciPy's stats.chisquare (reference/compute-references.py).
describe("chi-square goodness of fit", () => {
  it("9480/520 against 95/5: (20²/9500 + 20²/500) = 0.0421 + 0.8 = 0.84211, p 0.35880", () => {
    const result = chiSquareGoodnessOfFit([9480, 520], [0.95, 0.05]);
    expect(result.df).toBe(1);
    expect(result.chiSquare).toBeCloseTo(0.8421052631578948, 12);
    expect(result.pValue).toBeCloseTo(0.3587953578869416, 10);
  });

  it("a perfect fit has χ² 0 and p 1", () => {
    expect(chiSquareGoodnessOfFit([9500, 500], [95, 5])).toEqual({ chiSquare: 0, pValue: 1, df: 1 });
  });

  it("5050/4950 against 50/50: 50²/5000 · 2 = 1, p = P(χ²₁ > 1) = 0.31731", () => {
    const result = chiSquareGoodnessOfFit([5050, 4950], [1, 1]);
    expect(result.chiSquare).toBeCloseTo(1, 12);
    expect(result.pValue).toBeCloseTo(0.31731050786291115, 10);
  });

  it("three arms: 340/330/330 against thirds, χ² = (6.667² + 2·3.333²)/333.3 = 0.2, df 2, p = e^−0.1", () => {
    const result = chiSquareGoodnessOfFit([340, 330, 330], [1, 1, 1]);
    expect(result.df).toBe(2);
    expect(result.chiSquare).toBeCloseTo(0.2, 12);
    expect(result.pValue).toBeCloseTo(Math.exp(-0.1), 12);
  });

  it("follows gbstats: no units gives p 1; a zero-weight arm adds nothing but still counts in df", () => {
    expect(chiSquareGoodnessOfFit([0, 0], [0.5, 0.5])).toEqual({ chiSquare: 0, pValue: 1, df: 1 });
    const result = chiSquareGoodnessOfFit([5050, 4950, 7], [1, 1, 0]);
    expect(result.df).toBe(2);
    // Expected counts use all 10007 units: 5003.5 each.
    expect(result.chiSquare).toBeCloseTo((46.5 ** 2 + 53.5 ** 2) / 5003.5, 12);
  });

  it("rejects malformed input", () => {
    expect(() => chiSquareGoodnessOfFit([1, 2], [1])).toThrow(RangeError);
    expect(() => chiSquareGoodnessOfFit([1], [1])).toThrow(RangeError);
    expect(() => chiSquareGoodnessOfFit([-1, 2], [1, 1])).toThrow(RangeError);
    expect(() => chiSquareGoodnessOfFit([1, 2], [0, 0])).toThrow(RangeError);
  });
});

describe("srmCheck", () => {
  it("flags a 50/50 split configured as 95/5", () => {
    // χ² = 4500²/9500 + 4500²/500 = 2131.6 + 40500 = 42631.6: p underflows to 0.
    const result = srmCheck(5000, 5000, 0.95);
    expect(result.warning).toBe(true);
    expect(result.pValue).toBeLessThan(1e-300);
  });

  it("does not flag a 95/5 split configured as 95/5", () => {
    // 1 − 0.95 is not exactly 0.05 in binary, so the fit is perfect only to ~1e-14.
    const exact = srmCheck(9500, 500, 0.95);
    expect(exact.warning).toBe(false);
    expect(exact.pValue).toBeCloseTo(1, 12);
    const near = srmCheck(9480, 520, 0.95);
    expect(near.warning).toBe(false);
    expect(near.pValue).toBeCloseTo(0.3587953578869416, 10);
  });

  it("flags at p < 0.001 and not at p just above", () => {
    // χ²₁ critical value at 0.001 is 10.827566; 50/50 with 10000 units: χ² = d²/2500 for a
    // surplus of d in control, so d = 165 gives 10.89 (flag) and d = 164 gives 10.758 (no flag).
    expect(srmCheck(5165, 4835, 0.5).warning).toBe(true);
    expect(srmCheck(5164, 4836, 0.5).warning).toBe(false);
  });

  it("rejects a control share outside (0, 1)", () => {
    expect(() => srmCheck(1, 1, 0)).toThrow(RangeError);
    expect(() => srmCheck(1, 1, 1)).toThrow(RangeError);
  });
});

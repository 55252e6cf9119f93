import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { frequentistTest } from "./frequentist";
import { STATS_ERROR } from "./results";

// Reference figures: SciPy 1.17 on the formulas (reference/compute-references.py), and for the
// classic data set also SciPy's own stats.ttest_ind(equal_var=False). Relative tolerance 1e-9.
function close(actual: number, expected: number, tolerance = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

const control = { n: 1000, sum: 100 };
const treatment = { n: 1000, sum: 130 };

describe("proportions 1000/100 vs 1000/130", () => {
  // By hand: estimate (0.13 − 0.1)/0.1 = 0.3; variance 0.01131 + 0.01521 = 0.02652, SE 0.1628496…;
  // df 1972.4837 (effects.test.ts); t = 0.3/0.1628496 = 1.84219; t(0.975, 1972.48) = 1.96115, so
  // the interval is 0.3 ± 0.31938 and p = 2·P(T > 1.84219) ≈ 0.0656.
  it("relative, two-sided", () => {
    const result = frequentistTest(control, treatment);
    expect(result.errorMessage).toBeNull();
    close(result.expected, 0.3);
    close(result.uplift.mean, 0.3);
    close(result.uplift.stddev, 0.16284962388657825);
    close(result.ci[0], -0.019375372265978963);
    close(result.ci[1], 0.6193753722659789);
    close(result.pValue, 0.06559733260262472);
  });

  it("absolute, two-sided", () => {
    const result = frequentistTest(control, treatment, { differenceType: "absolute" });
    close(result.expected, 0.03);
    close(result.uplift.stddev, 0.014251315728731857);
    close(result.ci[0], 0.0020507842909493826);
    close(result.ci[1], 0.057949215709050615);
    close(result.pValue, 0.03541149025749652);
  });

  it("one-sided: greater halves the two-sided p, lesser is its complement", () => {
    const greater = frequentistTest(control, treatment, { sides: "greater" });
    close(greater.pValue, 0.03279866630131236);
    close(greater.ci[0], 0.032010342599035735);
    expect(greater.ci[1]).toBe(Infinity);
    const lesser = frequentistTest(control, treatment, { sides: "lesser" });
    close(lesser.pValue, 0.9672013336986877);
    expect(lesser.ci[0]).toBe(-Infinity);
    close(lesser.ci[1], 0.5679896574009642);
  });
});

describe("means: Welch's classic example", () => {
  // Wikipedia "Welch's t-test", example 1: A1 = 27.5 21.0 19.0 23.6 17.0 17.9 16.9 20.1 21.9 22.6
  // 23.1 19.6 19.0 21.7 21.4 (Σ 312.3, Σx² 6612.23), A2 = 27.1 22.0 20.8 23.4 23.4 23.5 25.8 22.0
  // 24.8 20.2 21.9 22.1 22.9 20.5 24.4 (Σ 344.8, Σx² 7979.18). Published: |t| = 2.46, df ≈ 25.0,
  // p = 0.021. SciPy ttest_ind(A2, A1, equal_var=False): t 2.455356398286006, df 24.988529290231416,
  // p 0.021378001462866992, 95% CI (0.3492370661924069, 3.984096267140929).
  const a1 = { n: 15, sum: 312.3, sumSquares: 6612.23 };
  const a2 = { n: 15, sum: 344.8, sumSquares: 7979.18 };

  it("absolute two-sided matches the textbook and SciPy", () => {
    const result = frequentistTest(a1, a2, { differenceType: "absolute" });
    const t = result.expected / result.uplift.stddev;
    expect(t).toBeCloseTo(2.46, 2);
    expect(result.pValue).toBeCloseTo(0.021, 3);
    close(t, 2.455356398286006);
    close(result.pValue, 0.021378001462866992);
    close(result.ci[0], 0.3492370661924069);
    close(result.ci[1], 3.984096267140929);
  });

  it("one-sided matches SciPy's alternative='greater' / 'less'", () => {
    close(
      frequentistTest(a1, a2, { differenceType: "absolute", sides: "greater" }).pValue,
      0.010689000731433496,
    );
    close(
      frequentistTest(a1, a2, { differenceType: "absolute", sides: "lesser" }).pValue,
      0.9893109992685665,
    );
  });

  it("relative two-sided", () => {
    const result = frequentistTest(a1, a2);
    close(result.expected, 0.10406660262568052);
    close(result.uplift.stddev, 0.0454015784502875);
    close(result.ci[0], 0.010558124962791668);
    close(result.ci[1], 0.19757508028856935);
    close(result.pValue, 0.03059401009054606);
  });

  it("a wider alpha gives a narrower interval", () => {
    const at95 = frequentistTest(a1, a2, { differenceType: "absolute" });
    const at80 = frequentistTest(a1, a2, { differenceType: "absolute", alpha: 0.2 });
    expect(at80.ci[1] - at80.ci[0]).toBeLessThan(at95.ci[1] - at95.ci[0]);
    expect(at80.pValue).toBe(at95.pValue);
  });
});

describe("default outputs (gbstats)", () => {
  const defaults = { expected: 0, ci: [0, 0], uplift: { mean: 0, stddev: 0 }, pValue: 1 };

  it("zero variance: a proportion of 0 in control", () => {
    expect(frequentistTest({ n: 1000, sum: 0 }, treatment)).toEqual({
      ...defaults,
      errorMessage: STATS_ERROR.zeroVariance,
    });
  });

  it("zero variance: identical values, a single unit, an empty arm", () => {
    const flat = { n: 50, sum: 100, sumSquares: 200 };
    const spread = { n: 50, sum: 100, sumSquares: 300 };
    expect(frequentistTest(flat, spread).errorMessage).toBe(STATS_ERROR.zeroVariance);
    expect(frequentistTest(spread, { n: 1, sum: 2, sumSquares: 4 }).errorMessage).toBe(
      STATS_ERROR.zeroVariance,
    );
    expect(frequentistTest({ n: 0, sum: 0 }, treatment)).toEqual({
      ...defaults,
      errorMessage: STATS_ERROR.zeroVariance,
    });
  });

  it("zero baseline: control values −1, 1 (mean 0, variance 2)", () => {
    const zeroMean = { n: 2, sum: 0, sumSquares: 2 };
    const other = { n: 2, sum: 2, sumSquares: 4.5 };
    // gbstats checks the baseline for absolute differences too.
    expect(frequentistTest(zeroMean, other, { differenceType: "absolute" })).toEqual({
      ...defaults,
      errorMessage: STATS_ERROR.zeroBaseline,
    });
    // Relative: the delta-method variance divides by the baseline and gbstats returns 0 for it, so
    // the zero-variance check fires first.
    expect(frequentistTest(zeroMean, other).errorMessage).toBe(STATS_ERROR.zeroVariance);
  });
});

describe("duality", () => {
  it("two-sided p < alpha exactly when the interval excludes 0", () => {
    const arm = fc.record({
      n: fc.integer({ min: 20, max: 20_000 }),
      rate: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
    });
    fc.assert(
      fc.property(
        arm,
        arm,
        fc.constantFrom(0.01, 0.05, 0.1),
        fc.constantFrom("relative" as const, "absolute" as const),
        (a, b, alpha, differenceType) => {
          const result = frequentistTest(
            { n: a.n, sum: Math.round(a.n * a.rate) },
            { n: b.n, sum: Math.round(b.n * b.rate) },
            { alpha, differenceType },
          );
          const excludesZero = result.ci[0] > 0 || result.ci[1] < 0;
          // Away from the boundary, where rounding could tip either side.
          if (Math.abs(result.pValue - alpha) > 1e-9) expect(result.pValue < alpha).toBe(excludesZero);
        },
      ),
    );
  });
});

describe("options", () => {
  it("rejects an alpha outside (0, 1)", () => {
    expect(() => frequentistTest(control, treatment, { alpha: 0 })).toThrow(RangeError);
    expect(() => frequentistTest(control, treatment, { alpha: 1 })).toThrow(RangeError);
  });
});

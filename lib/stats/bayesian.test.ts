import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bayesianTest, gaussianRisk } from "./bayesian";
import { frequentistTest } from "./frequentist";
import { STATS_ERROR } from "./results";

// Reference figures from reference/compute-references.py: SciPy's normal for chance to win and
// the interval, and SciPy's truncated-normal means for risk, which is gbstats's own route to it
// (P(Δ > 0)·E[Δ | Δ > 0] and −P(Δ < 0)·E[Δ | Δ < 0]), so the closed form here is checked against it.
function close(actual: number, expected: number, tolerance = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

const control = { n: 1000, sum: 100 };
const treatment = { n: 1000, sum: 130 };

describe("flat prior", () => {
  // Posterior N(0.3, 0.02652): chance to win Φ(0.3/0.1628496) = Φ(1.84219) = 0.96728; interval
  // 0.3 ± 1.959964·0.1628496 (z, not t, so a hair narrower than the frequentist one).
  it("proportions 1000/100 vs 1000/130, relative", () => {
    const result = bayesianTest(control, treatment);
    expect(result.errorMessage).toBeNull();
    close(result.expected, 0.3);
    close(result.uplift.stddev, 0.16284962388657825);
    close(result.chanceToWin, 0.9672763417294536);
    close(result.ci[0], -0.019179397713587065);
    close(result.ci[1], 0.6191793977135871);
    close(result.risk.control, 0.30208906485859227);
    close(result.risk.treatment, 0.002089064858592273);
  });

  it("means (Welch's example data), relative", () => {
    const result = bayesianTest(
      { n: 15, sum: 312.3, sumSquares: 6612.23 },
      { n: 15, sum: 344.8, sumSquares: 7979.18 },
    );
    close(result.chanceToWin, 0.9890511081746257);
    close(result.ci[0], 0.015081144021847182);
    close(result.ci[1], 0.19305206122951385);
    close(result.risk.control, 0.10423671316175576);
    close(result.risk.treatment, 0.00017011053607523323);
  });

  it("ignores a prior that is not proper", () => {
    expect(bayesianTest(control, treatment, { prior: { mean: 5, variance: 0.01, proper: false } })).toEqual(
      bayesianTest(control, treatment),
    );
  });
});

describe("proper prior", () => {
  // N(0, 0.3²) on the lift: precision 1/0.02652 + 1/0.09 = 37.70739 + 11.11111 = 48.81850, so the
  // posterior mean is (0.3/0.02652)/48.81850 = 0.231720 and its sd 1/√48.81850 = 0.143122.
  const prior = { mean: 0, variance: 0.09, proper: true };

  it("shrinks the relative effect towards the prior", () => {
    const result = bayesianTest(control, treatment, { prior });
    close(result.expected, 0.2317198764160659);
    close(result.uplift.stddev, 0.14312245482516092);
    close(result.chanceToWin, 0.9472798425887837);
    close(result.ci[0], -0.04879498042021041);
    close(result.ci[1], 0.5122347332523423);
    close(result.risk.control, 0.2348998996507855);
    close(result.risk.treatment, 0.003180023234719614);
  });

  it("rescales a relative prior by the control mean for an absolute difference (as gbstats)", () => {
    // Prior N(0, 0.09·0.1²) on the absolute difference.
    const result = bayesianTest(control, treatment, { prior, differenceType: "absolute" });
    close(result.expected, 0.024476475387544192);
    close(result.uplift.stddev, 0.012872674095683235);
    close(result.chanceToWin, 0.9713770757110416);
    close(result.ci[0], -0.0007535022247166581);
    close(result.ci[1], 0.04970645299980504);
    // The same prior stated in absolute units gives the same answer.
    const stated = bayesianTest(control, treatment, {
      differenceType: "absolute",
      priorType: "absolute",
      prior: { mean: 0, variance: 0.0009, proper: true },
    });
    close(stated.expected, result.expected);
    close(stated.uplift.stddev, result.uplift.stddev);
  });

  it("rejects a proper prior without a positive variance", () => {
    expect(() => bayesianTest(control, treatment, { prior: { mean: 0, variance: 0, proper: true } })).toThrow(
      RangeError,
    );
  });
});

describe("symmetry", () => {
  it("equal arms: chance to win 0.5, equal risks, a symmetric interval", () => {
    const arm = { n: 500, sum: 1234.5, sumSquares: 9876.5 };
    const result = bayesianTest(arm, arm);
    expect(result.chanceToWin).toBe(0.5);
    expect(result.expected).toBe(0);
    expect(result.risk.control).toBeCloseTo(result.risk.treatment, 15);
    expect(result.ci[0]).toBeCloseTo(-result.ci[1], 15);
  });

  it("swapping the arms of an absolute test mirrors it", () => {
    const arm = fc.record({
      n: fc.integer({ min: 10, max: 50_000 }),
      rate: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
    });
    fc.assert(
      fc.property(arm, arm, (a, b) => {
        const x = { n: a.n, sum: Math.round(a.n * a.rate) };
        const y = { n: b.n, sum: Math.round(b.n * b.rate) };
        const forward = bayesianTest(x, y, { differenceType: "absolute" });
        const backward = bayesianTest(y, x, { differenceType: "absolute" });
        expect(forward.chanceToWin + backward.chanceToWin).toBeCloseTo(1, 12);
        expect(forward.risk.control).toBeCloseTo(backward.risk.treatment, 12);
      }),
    );
  });

  it("flat prior: chance to win is one minus the normal one-sided p-value, and risk control − treatment = mean", () => {
    const result = bayesianTest(control, treatment);
    expect(result.risk.control - result.risk.treatment).toBeCloseTo(result.expected, 14);
    // The same z as the frequentist test, through the normal rather than the t: close, not equal.
    expect(1 - result.chanceToWin).toBeCloseTo(
      frequentistTest(control, treatment, { sides: "greater" }).pValue,
      3,
    );
  });
});

describe("risk", () => {
  it("matches gbstats's truncated-normal route and stays finite far in the tails", () => {
    const { control: c, treatment: t } = gaussianRisk(0.3, 0.16284962388657825);
    close(c, 0.30208906485859227);
    close(t, 0.002089064858592273);
    const far = gaussianRisk(50, 1);
    expect(far.control).toBeCloseTo(50, 12);
    expect(far.treatment).toBeGreaterThanOrEqual(0);
    expect(far.treatment).toBeLessThan(1e-300);
  });
});

describe("default outputs (gbstats)", () => {
  const defaults = {
    expected: 0,
    ci: [0, 0],
    uplift: { mean: 0, stddev: 0 },
    chanceToWin: 0.5,
    risk: { control: 0, treatment: 0 },
  };

  it("zero baseline, relative, comes first", () => {
    expect(bayesianTest({ n: 1000, sum: 0 }, treatment)).toEqual({
      ...defaults,
      errorMessage: STATS_ERROR.zeroBaseline,
    });
    expect(bayesianTest({ n: 0, sum: 0 }, treatment).errorMessage).toBe(STATS_ERROR.zeroBaseline);
  });

  it("an empty arm", () => {
    expect(bayesianTest(control, { n: 0, sum: 0 })).toEqual({
      ...defaults,
      errorMessage: STATS_ERROR.noUnits,
    });
    expect(bayesianTest({ n: 0, sum: 0 }, treatment, { differenceType: "absolute" }).errorMessage).toBe(
      STATS_ERROR.noUnits,
    );
  });

  it("zero variance", () => {
    expect(bayesianTest({ n: 1000, sum: 0 }, treatment, { differenceType: "absolute" })).toEqual({
      ...defaults,
      errorMessage: STATS_ERROR.zeroVariance,
    });
    expect(bayesianTest(control, { n: 20, sum: 40, sumSquares: 80 }).errorMessage).toBe(
      STATS_ERROR.zeroVariance,
    );
  });

  it("an absolute difference with a zero-mean control is computed, unless the prior needs rescaling", () => {
    const zeroMean = { n: 2, sum: 0, sumSquares: 2 };
    const other = { n: 2, sum: 2, sumSquares: 4.5 };
    expect(bayesianTest(zeroMean, other, { differenceType: "absolute" }).errorMessage).toBeNull();
    expect(
      bayesianTest(zeroMean, other, {
        differenceType: "absolute",
        prior: { mean: 0, variance: 0.09, proper: true },
      }).errorMessage,
    ).toBe(STATS_ERROR.zeroBaseline);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { frequentistTest } from "./frequentist";
import { DEFAULT_SEQUENTIAL_TUNING } from "./options";
import { STATS_ERROR } from "./results";
import {
  SEQUENTIAL_ONE_SIDED_MAX_P,
  SEQUENTIAL_ONE_SIDED_MIN_P,
  sequentialHalfwidthOneSided,
  sequentialOneSidedPValue,
  sequentialRho,
} from "./sequential";

function close(actual: number, expected: number, tolerance = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

const control = { n: 1000, sum: 100 };
const treatment = { n: 1000, sum: 130 };

describe("sequential two-sided (gbstats SequentialTwoSidedTTest)", () => {
  // By hand, alpha 0.05, tuning 5000: ρ = √((5.991465 + ln 6.991465)/5000) = √(7.936147/5000)
  // = 0.0398401. n = 2000, nρ² = 3.174459, s² = 0.02652·2000 = 53.04, so the half-width is
  // √53.04 · √(2·4.174459·ln(√4.174459/0.05) / (2000·0.0398401)²) = 7.28286 · 0.069849 = 0.50871.
  // Full precision from reference/compute-references.py.
  it("reproduces the always-valid interval and p-value", () => {
    close(sequentialRho(0.05, 5000), 0.03984006677137368);
    const result = frequentistTest(control, treatment, { sequentialTuning: DEFAULT_SEQUENTIAL_TUNING });
    expect(result.errorMessage).toBeNull();
    close(result.expected, 0.3);
    close(result.ci[0], -0.20870625018398686);
    close(result.ci[1], 0.8087062501839868);
    close(result.pValue, 0.5622208729310174);
    close(result.uplift.stddev, 0.16284962388657825);
  });

  it("uses the tuning parameter", () => {
    const result = frequentistTest(control, treatment, { sequentialTuning: 2000 });
    close(result.ci[1] - 0.3, 0.4942826424999337);
    close(result.pValue, 0.6623932140897408);
  });

  it("is wider than the fixed-horizon interval", () => {
    const fixed = frequentistTest(control, treatment);
    const sequential = frequentistTest(control, treatment, { sequentialTuning: 5000 });
    expect(sequential.ci[0]).toBeLessThan(fixed.ci[0]);
    expect(sequential.ci[1]).toBeGreaterThan(fixed.ci[1]);
    expect(sequential.pValue).toBeGreaterThan(fixed.pValue);

    const arm = fc.record({
      n: fc.integer({ min: 50, max: 200_000 }),
      rate: fc.double({ min: 0.02, max: 0.98, noNaN: true }),
    });
    fc.assert(
      fc.property(
        arm,
        arm,
        fc.constantFrom(0.01, 0.05, 0.1, 0.2),
        fc.integer({ min: 100, max: 100_000 }),
        (a, b, alpha, tuning) => {
          const x = { n: a.n, sum: Math.round(a.n * a.rate) };
          const y = { n: b.n, sum: Math.round(b.n * b.rate) };
          const f = frequentistTest(x, y, { alpha });
          const s = frequentistTest(x, y, { alpha, sequentialTuning: tuning });
          expect(s.ci[1] - s.ci[0]).toBeGreaterThan(f.ci[1] - f.ci[0]);
        },
      ),
    );
  });

  it("p < alpha exactly when the sequence excludes 0", () => {
    const arm = fc.record({
      n: fc.integer({ min: 50, max: 100_000 }),
      rate: fc.double({ min: 0.02, max: 0.98, noNaN: true }),
    });
    fc.assert(
      fc.property(arm, arm, fc.constantFrom(0.01, 0.05, 0.1), (a, b, alpha) => {
        const result = frequentistTest(
          { n: a.n, sum: Math.round(a.n * a.rate) },
          { n: b.n, sum: Math.round(b.n * b.rate) },
          { alpha, sequentialTuning: 5000 },
        );
        const excludesZero = result.ci[0] > 0 || result.ci[1] < 0;
        if (Math.abs(result.pValue - alpha) > 1e-9) expect(result.pValue < alpha).toBe(excludesZero);
      }),
    );
  });

  it("keeps a tiny p-value instead of overflowing", () => {
    const result = frequentistTest(
      { n: 100_000, sum: 10_000 },
      { n: 100_000, sum: 20_000 },
      { sequentialTuning: 5000 },
    );
    expect(result.pValue).toBeGreaterThanOrEqual(0);
    expect(result.pValue).toBeLessThan(1e-100);
  });
});

describe("sequential one-sided", () => {
  it("has the eq. 134 bound with ρ from 2·alpha (reference: −0.16998628813609423)", () => {
    close(sequentialRho(0.05, 5000, false), 0.03557768852889753);
    const result = frequentistTest(control, treatment, { sides: "greater", sequentialTuning: 5000 });
    close(result.ci[0], -0.16998628813609423);
    expect(result.ci[1]).toBe(Infinity);
    const lesser = frequentistTest(control, treatment, { sides: "lesser", sequentialTuning: 5000 });
    close(lesser.ci[1], 0.3 + (0.3 + 0.16998628813609423));
  });

  // gbstats's route: bisection over alpha for the alpha at which the bound touches 0.
  function bisect(estimate: number, se: number, n: number, rho: number): number {
    const s2 = se * se * n;
    let lo = SEQUENTIAL_ONE_SIDED_MIN_P;
    let hi = SEQUENTIAL_ONE_SIDED_MAX_P;
    for (let i = 0; i < 200; i += 1) {
      const mid = (lo + hi) / 2;
      if (estimate - sequentialHalfwidthOneSided(s2, n, mid, rho) > 0) hi = mid;
      else lo = mid;
    }
    return (lo + hi) / 2;
  }

  it("the closed-form p-value is the alpha found by bisection", () => {
    for (const [estimate, se] of [
      [0.3, 0.16284962388657825],
      [0.5, 0.1],
      [0.05, 0.01],
    ] as const) {
      const rho = sequentialRho(0.05, 5000, false);
      const closedForm = sequentialOneSidedPValue(estimate, se, 2000, rho, 1);
      expect(closedForm).toBeGreaterThan(SEQUENTIAL_ONE_SIDED_MIN_P);
      expect(closedForm).toBeLessThan(SEQUENTIAL_ONE_SIDED_MAX_P);
      close(closedForm, bisect(estimate, se, 2000, rho), 1e-9);
    }
  });

  it("clamps to gbstats's bounds", () => {
    const rho = sequentialRho(0.05, 5000, false);
    expect(sequentialOneSidedPValue(-0.3, 0.1, 2000, rho, 1)).toBe(SEQUENTIAL_ONE_SIDED_MAX_P);
    expect(sequentialOneSidedPValue(0.001, 0.1, 2000, rho, 1)).toBe(SEQUENTIAL_ONE_SIDED_MAX_P);
    expect(sequentialOneSidedPValue(5, 0.1, 2000, rho, 1)).toBe(SEQUENTIAL_ONE_SIDED_MIN_P);
    expect(sequentialOneSidedPValue(-5, 0.1, 2000, rho, -1)).toBe(SEQUENTIAL_ONE_SIDED_MIN_P);
  });

  it("refuses alpha ≥ 0.5 with gbstats's default output", () => {
    const result = frequentistTest(control, treatment, {
      sides: "greater",
      sequentialTuning: 5000,
      alpha: 0.5,
    });
    expect(result).toEqual({
      expected: 0,
      ci: [0, 0],
      uplift: { mean: 0, stddev: 0 },
      pValue: 1,
      errorMessage: STATS_ERROR.alphaTooLargeForSequentialOneSided,
    });
  });

  it("rejects a non-positive tuning parameter", () => {
    expect(() => frequentistTest(control, treatment, { sequentialTuning: 0 })).toThrow(RangeError);
  });
});

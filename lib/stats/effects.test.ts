import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { absoluteEffect, effectOf, relativeEffect, varianceOfRatios, welchDegreesOfFreedom } from "./effects";

// Control 1000 units / 100 conversions, treatment 1000 / 130, worked by hand:
// pC = 0.1, varC = 0.1·0.9 = 0.09; pT = 0.13, varT = 0.13·0.87 = 0.1131.
const control = { n: 1000, sum: 100 };
const treatment = { n: 1000, sum: 130 };

describe("effects", () => {
  it("absolute: 0.13 − 0.1 = 0.03, variance 0.1131/1000 + 0.09/1000 = 2.031e-4", () => {
    const { estimate, variance } = absoluteEffect(control, treatment);
    expect(estimate).toBeCloseTo(0.03, 15);
    expect(variance).toBeCloseTo(2.031e-4, 15);
  });

  it("relative by the delta method: 0.3, variance 0.1131/(1000·0.01) + 0.09·0.13²/(0.1⁴·1000) = 0.01131 + 0.01521", () => {
    const { estimate, variance } = relativeEffect(control, treatment);
    expect(estimate).toBeCloseTo(0.3, 14);
    expect(variance).toBeCloseTo(0.02652, 14);
    expect(effectOf(control, treatment, "relative")).toEqual(relativeEffect(control, treatment));
    expect(effectOf(control, treatment, "absolute")).toEqual(absoluteEffect(control, treatment));
  });

  it("variance of a ratio: with D fixed (varD = 0) it is varM / D²; D = 0 gives 0 as in gbstats", () => {
    expect(varianceOfRatios(3, 4, 2, 0)).toBe(1);
    // M = 1, D = 2, varM = 0.5, varD = 0.25, cov = 0.1: 0.5/4 + 0.25·1/16 − 2·0.1·1/8 = 0.125 + 0.015625 − 0.025.
    expect(varianceOfRatios(1, 0.5, 2, 0.25, 0.1)).toBeCloseTo(0.115625, 15);
    expect(varianceOfRatios(1, 1, 0, 1)).toBe(0);
  });

  it("Welch–Satterthwaite df: (2.031e-4)² / ((0.1131² + 0.09²)/(1000²·999)) = 1972.4837…", () => {
    expect(welchDegreesOfFreedom(control, treatment)).toBeCloseTo(1972.48370948912, 8);
  });

  it("the absolute effect is antisymmetric in the arms", () => {
    const arm = fc.record({
      n: fc.integer({ min: 2, max: 10_000 }),
      rate: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
    });
    fc.assert(
      fc.property(arm, arm, (a, b) => {
        const x = { n: a.n, sum: Math.round(a.n * a.rate) };
        const y = { n: b.n, sum: Math.round(b.n * b.rate) };
        const forward = absoluteEffect(x, y);
        const backward = absoluteEffect(y, x);
        expect(forward.estimate).toBeCloseTo(-backward.estimate, 12);
        expect(forward.variance).toBeCloseTo(backward.variance, 12);
      }),
    );
  });
});

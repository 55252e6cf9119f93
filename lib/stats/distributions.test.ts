import { describe, expect, it } from "vitest";
import {
  chiSquareCdf,
  chiSquareSurvival,
  normalCdf,
  normalPdf,
  normalQuantile,
  studentTCdf,
  studentTQuantile,
} from "./distributions";

// Known values. Textbook table entries (t, z and chi-square critical values) given to full double
// precision, cross-checked with SciPy 1.17 (stats.t / stats.norm / stats.chi2); the SciPy calls are
// in reference/compute-references.py. Tolerance 1e-9, the accuracy the decision record promises.
const TOL = 1e-9;

describe("normal", () => {
  it("matches the textbook quantiles and CDF", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 12);
    expect(normalQuantile(0.5)).toBe(0);
    expect(Math.abs(normalCdf(1) - 0.8413447460685429)).toBeLessThan(TOL);
    expect(Math.abs(normalCdf(1.959963984540054) - 0.975)).toBeLessThan(TOL);
  });

  it("keeps relative accuracy deep in the tail (Φ(−8) = 6.22096057427174e-16)", () => {
    expect(normalCdf(-8) / 6.22096057427174e-16).toBeCloseTo(1, 9);
  });

  it("honours location and scale", () => {
    expect(normalCdf(3, 1, 2)).toBeCloseTo(0.8413447460685429, 12);
    expect(normalQuantile(0.975, 10, 2)).toBeCloseTo(10 + 2 * 1.959963984540054, 12);
  });

  it("has the standard density", () => {
    expect(normalPdf(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 15);
    expect(normalPdf(1)).toBeCloseTo(0.24197072451914337, 15);
  });
});

describe("student t", () => {
  it("matches the t-table critical values", () => {
    expect(Math.abs(studentTQuantile(0.975, 10) - 2.228138851986274)).toBeLessThan(TOL);
    expect(Math.abs(studentTQuantile(0.95, 3) - 2.353363434801823)).toBeLessThan(TOL);
    expect(Math.abs(studentTQuantile(0.995, 1) - 63.65674116287399)).toBeLessThan(1e-8);
    // Welch's df are fractional: SciPy t.ppf(0.95, 1972.4711).
    expect(Math.abs(studentTQuantile(0.95, 1972.4711) - 1.6456265099672738)).toBeLessThan(TOL);
  });

  it("inverts its CDF", () => {
    expect(Math.abs(studentTCdf(2.228138851986274, 10) - 0.975)).toBeLessThan(TOL);
    expect(Math.abs(studentTCdf(2, 5) - 0.9490302605850708)).toBeLessThan(TOL);
    for (const df of [1, 2.5, 7, 30, 1000]) {
      for (const p of [0.001, 0.05, 0.5, 0.9, 0.999]) {
        expect(Math.abs(studentTCdf(studentTQuantile(p, df), df) - p)).toBeLessThan(TOL);
      }
    }
  });

  it("tends to the normal as df grows", () => {
    expect(Math.abs(studentTQuantile(0.975, 1e9) - 1.959963984540054)).toBeLessThan(1e-8);
  });

  it("rejects non-positive degrees of freedom", () => {
    expect(() => studentTCdf(1, 0)).toThrow(RangeError);
    expect(() => studentTQuantile(0.5, -1)).toThrow(RangeError);
    expect(() => studentTQuantile(1.5, 3)).toThrow(RangeError);
  });
});

describe("chi-square", () => {
  it("matches the table critical values", () => {
    expect(Math.abs(chiSquareSurvival(3.841458820694124, 1) - 0.05)).toBeLessThan(TOL);
    expect(Math.abs(chiSquareCdf(3.841458820694124, 1) - 0.95)).toBeLessThan(TOL);
    expect(Math.abs(chiSquareCdf(5.991464547107979, 2) - 0.95)).toBeLessThan(TOL);
    // df = 2 is exponential: P(X > x) = exp(−x/2).
    expect(chiSquareSurvival(10, 2)).toBeCloseTo(Math.exp(-5), 14);
  });

  it("keeps tiny upper tails (SciPy chi2.sf(100, 1) = 1.5239706048320995e-23)", () => {
    expect(chiSquareSurvival(100, 1) / 1.5239706048320995e-23).toBeCloseTo(1, 9);
  });

  it("is 0 / 1 at and below zero", () => {
    expect(chiSquareCdf(0, 3)).toBe(0);
    expect(chiSquareSurvival(-1, 3)).toBe(1);
  });
});

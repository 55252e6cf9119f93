import { describe, expect, it } from "vitest";
import * as stats from "./index";

describe("lib/stats public API", () => {
  it("exports the tests and the SRM check", () => {
    for (const name of [
      "frequentistTest",
      "bayesianTest",
      "srmCheck",
      "chiSquareGoodnessOfFit",
      "studentTQuantile",
      "normalQuantile",
      "chiSquareSurvival",
    ] as const) {
      expect(typeof stats[name]).toBe("function");
    }
    expect(stats.DEFAULT_SEQUENTIAL_TUNING).toBe(5000);
    expect(stats.DEFAULT_ALPHA).toBe(0.05);
  });

  it("runs both engines on the same options object", () => {
    const control = { n: 1000, sum: 100 };
    const treatment = { n: 1000, sum: 130 };
    const options: stats.StatsOptions = { differenceType: "relative", alpha: 0.05, sides: "two-sided" };
    const frequentist = stats.frequentistTest(control, treatment, options);
    const bayesian = stats.bayesianTest(control, treatment, options);
    expect(frequentist.expected).toBeCloseTo(bayesian.expected, 14);
    expect(frequentist.uplift.stddev).toBeCloseTo(bayesian.uplift.stddev, 14);
  });
});

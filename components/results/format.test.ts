import { describe, expect, it } from "vitest";
import {
  formatChance,
  formatInterval,
  formatMean,
  formatPValue,
  formatRate,
  formatUplift,
  intervalScale,
  metricName,
  positionOn,
  formatRateTick,
  rateTicks,
} from "./format";

describe("results formatting", () => {
  it("formats rates, uplifts and intervals with real minus signs", () => {
    expect(formatRate(0.1234)).toBe("12.3%");
    expect(formatRate(0.0045)).toBe("0.45%");
    expect(formatRate(0)).toBe("0.0%");
    expect(formatUplift(0.052)).toBe("+5.2%");
    expect(formatUplift(-0.1)).toBe("\u221210.0%");
    expect(formatUplift(-0.0001)).toBe("0.0%");
    expect(formatUplift(null)).toBe("∞");
    expect(formatInterval([-0.021, 0.084])).toBe("[\u22122.1%, +8.4%]");
    expect(formatInterval([null, 0.1])).toBe("[\u2212∞, +10.0%]");
  });

  it("formats p-values and chances without false certainty", () => {
    expect(formatPValue(0.0321)).toBe("0.032");
    expect(formatPValue(0.0004)).toBe("< 0.001");
    expect(formatPValue(null)).toBe("—");
    expect(formatChance(0.9724)).toBe("97.2%");
    expect(formatChance(0.99999)).toBe("> 99.9%");
    expect(formatChance(0.00001)).toBe("< 0.1%");
  });

  it("formats means by measure and names metrics in words", () => {
    expect(formatMean({ measure: "triggered" }, 0.125)).toBe("12.5%");
    expect(formatMean({ measure: "value" }, 23.456)).toBe("23.46");
    expect(formatMean({ measure: "value" }, 12345.6)).toBe("12,346");
    const base = { id: "m", primary: true, property: null, aggregation: null } as const;
    expect(metricName({ ...base, event: "purchase", measure: "triggered" })).toEqual({
      event: "purchase",
      measure: "conversion rate",
    });
    expect(
      metricName({ ...base, event: "purchase", measure: "value", property: "amount", aggregation: "avg" }),
    ).toEqual({
      event: "purchase",
      measure: "amount · average per user",
    });
  });

  it("puts every interval on one symmetric scale", () => {
    expect(intervalScale([])).toBe(0.05);
    expect(
      intervalScale([
        [-0.1, 0.3],
        [null, 0.2],
      ]),
    ).toBeCloseTo(0.33);
    expect(intervalScale([[-10, 10]])).toBe(2);
    expect(positionOn(0, 0.5, "low")).toBe(50);
    expect(positionOn(0.25, 0.5, "high")).toBe(75);
    expect(positionOn(-5, 0.5, "low")).toBe(0);
    expect(positionOn(null, 0.5, "high")).toBe(100);
  });

  it("gives a rate axis round ticks", () => {
    expect(rateTicks(0.375)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(rateTicks(0.052)).toEqual([0, 0.02, 0.04, 0.06]);
    expect(rateTicks(0)).toEqual([0, 0.001]);
    expect(rateTicks(1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(formatRateTick(0.025)).toBe("2.5%");
    expect(formatRateTick(0.2)).toBe("20%");
  });
});

import { describe, expect, it } from "vitest";
import { addDays, apiQuery, presetOf, presetRange, readParams, todayIn, writeParams } from "./params";

describe("results params", () => {
  it("reads valid days and engines, ignores the rest", () => {
    expect(
      readParams(new URLSearchParams("from=2026-01-05&to=2026-02-30&engine=bayesian&tab=results")),
    ).toEqual({
      from: "2026-01-05",
      to: undefined,
      engine: "bayesian",
    });
    expect(readParams(new URLSearchParams("engine=magic"))).toEqual({
      from: undefined,
      to: undefined,
      engine: "frequentist",
    });
  });

  it("writes them back next to the page's other params, defaults left out", () => {
    const next = writeParams(new URLSearchParams("tab=results&from=2026-01-01"), {
      engine: "frequentist",
      to: "2026-01-31",
    });
    expect(next.toString()).toBe("tab=results&to=2026-01-31");
    expect(apiQuery({ from: "2026-01-01", engine: "bayesian" })).toBe("?from=2026-01-01&engine=bayesian");
  });

  it("computes presets in the project's zone", () => {
    expect(todayIn("Pacific/Auckland", new Date("2026-01-31T20:00:00Z"))).toBe("2026-02-01");
    expect(todayIn("America/Los_Angeles", new Date("2026-01-31T20:00:00Z"))).toBe("2026-01-31");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(presetRange("7d", "2026-01-10")).toEqual({ from: "2026-01-04", to: "2026-01-10" });
    expect(presetRange("all", "2026-01-10")).toEqual({});
    expect(presetOf({ from: "2026-01-04", to: "2026-01-10" }, "2026-01-10")).toBe("7d");
    expect(presetOf({}, "2026-01-10")).toBe("all");
    expect(presetOf({ from: "2026-01-05" }, "2026-01-10")).toBe("custom");
  });
});

import { describe, expect, it } from "vitest";
import { evaluateFrequency, normalizeFrequency } from "./frequency";

describe("frequency", () => {
  const ever = new Set(["seen-before"]);
  const visit = new Set(["seen-this-visit"]);

  it("always allows", () => {
    expect(evaluateFrequency("always", "seen-before", ever, visit).passed).toBe(true);
  });

  it("once: never exposed to the experience before", () => {
    expect(evaluateFrequency("once", "fresh", ever, visit).passed).toBe(true);
    expect(evaluateFrequency("once", "seen-before", ever, visit)).toEqual({ passed: false, reason: "already exposed once" });
  });

  it("once_per_visit: looks only at this visit", () => {
    expect(evaluateFrequency("once_per_visit", "seen-before", ever, visit).passed).toBe(true);
    expect(evaluateFrequency("once_per_visit", "seen-this-visit", ever, visit).passed).toBe(false);
  });

  it("normalizes: absent is always, unknown is rejected", () => {
    expect(normalizeFrequency(undefined)).toBe("always");
    expect(normalizeFrequency("once_per_visit")).toBe("once_per_visit");
    expect(normalizeFrequency("twice")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { nameProblem } from "../../validation/names";
import { deriveSelector } from "./selector";

describe("deriveSelector", () => {
  it.each([
    ["Welcome back", "welcome-back"],
    ["  Welcome   back  ", "welcome-back"],
    ["Welcome back!", "welcome-back"],
    ["Été 2026: 20% off", "ete-2026-20-off"],
    ["Crème brûlée / tarte", "creme-brulee-tarte"],
    ["snake_case_Name", "snake_case_name"],
    ["!!!", "personalization"],
    ["日本語", "personalization"],
    ["a".repeat(150), "a".repeat(90)],
  ])("%s → %s", (name, selector) => {
    expect(deriveSelector(name)).toBe(selector);
  });

  it("always yields a valid selector", () => {
    for (const name of ["-lead", "trail-", "a - b", "x\ty\nz", "__", "Ω≈ç√", "a".repeat(89) + " b"]) {
      expect(nameProblem(deriveSelector(name), "Selector")).toBeNull();
    }
  });
});

import { describe, expect, it } from "vitest";
import { canonicalTimeZone, nameProblem } from "./names";

describe("nameProblem", () => {
  it("accepts letters, digits, - and _", () => {
    expect(nameProblem("welcome-back_2", "Selector")).toBeNull();
  });

  it.each([
    ["home page", "contains a space"],
    ["home*", 'contains "*"'],
    ["a,b", 'contains ","'],
    ["a/b", 'contains "/"'],
    ["a+b", 'contains "+"'],
    ["a=b", 'contains "="'],
    ["café", 'contains "é"'],
    ["tab\there", "contains a whitespace character"],
  ])("rejects %j: the message says it %s", (value, says) => {
    expect(nameProblem(value, "Group name")).toContain(says);
  });

  it("rejects empty and overlong names", () => {
    expect(nameProblem("", "Selector")).toMatch(/must not be empty/);
    expect(nameProblem("a".repeat(101), "Selector")).toMatch(/at most 100/);
  });
});

describe("canonicalTimeZone", () => {
  it("knows IANA zones and canonicalises their spelling", () => {
    expect(canonicalTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(canonicalTimeZone("utc")).toBe("UTC");
    expect(canonicalTimeZone("Mars/Olympus")).toBeNull();
  });
});

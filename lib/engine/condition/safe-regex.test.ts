import { describe, expect, it } from "vitest";
import { evalCondition } from "./evaluate";
import { MAX_REGEX_INPUT, MAX_REGEX_LENGTH, regexTester, validateRegex } from "./safe-regex";

describe("validateRegex", () => {
  it("accepts ordinary targeting patterns", () => {
    for (const p of ["^/pricing", "(Mobile|Tablet)", "@example\\.com$", "^/products/[^/]+/reviews/.*$", "a.*b.*c.*d", "(?:ab)+", "\\d{3}-\\d{4}"]) {
      expect(validateRegex(p), p).toBeNull();
    }
  });

  it("rejects invalid syntax, non-strings and over-long patterns", () => {
    expect(validateRegex("/???***[)")).toMatch(/invalid regular expression/);
    expect(validateRegex(42)).toMatch(/must be a string/);
    expect(validateRegex("a".repeat(MAX_REGEX_LENGTH + 1))).toMatch(/at most/);
  });

  it("rejects what a linear-time engine cannot run: backreferences and lookaround", () => {
    expect(validateRegex("(a)\\1")).toMatch(/linear-time/);
    expect(validateRegex("foo(?=bar)")).toMatch(/linear-time/);
    expect(validateRegex("(?<!x)y")).toMatch(/linear-time/);
  });
});

describe("regexTester", () => {
  it("matches like RegExp.prototype.test, on both engines", () => {
    const plain = regexTester("(Mobile|Tablet)", false);
    const quantified = regexTester("^/p/\\d+$", false);
    expect(plain?.("Android Mobile")).toBe(true);
    expect(plain?.("Desktop")).toBe(false);
    expect(quantified?.("/p/123")).toBe(true);
    expect(quantified?.("/p/12a")).toBe(false);
    expect(regexTester("^mob.+e$", true)?.("MOBILE")).toBe(true);
  });

  it("gives `.` JavaScript's meaning on the linear engine too: no line terminators", () => {
    for (const input of ["a\rb", "a\nb", "a\u2028b", "a\u2029b"]) expect(regexTester("a.+b", false)?.(input), JSON.stringify(input)).toBe(false);
    expect(regexTester("a.+b", false)?.("a-b")).toBe(true);
    expect(regexTester("a[.]+b", false)?.("a..b")).toBe(true);
    expect(regexTester("a\\.+b", false)?.("a..b")).toBe(true);
    expect(regexTester("a\\.+b", false)?.("axb")).toBe(false);
  });

  it("is null (the operator fails) for patterns that cannot run safely", () => {
    expect(regexTester("(a)\\1+", false)).toBeNull();
    expect(regexTester("[", false)).toBeNull();
  });

  it("caches compiled matchers", () => {
    expect(regexTester("^cached.*$", false)).toBe(regexTester("^cached.*$", false));
  });

  it("does not match inputs longer than the bound", () => {
    expect(regexTester("a", false)?.("a".repeat(MAX_REGEX_INPUT))).toBe(true);
    expect(regexTester("a", false)?.("a".repeat(MAX_REGEX_INPUT + 1))).toBe(false);
  });

  it("runs catastrophic patterns in linear time", () => {
    // On V8's backtracking engine these take seconds to forever on these inputs.
    const cases: [string, string][] = [
      ["^(a+)+$", `${"a".repeat(5000)}!`],
      ["(x+x+)+y", "x".repeat(5000)],
      ["a.*b.*c.*d", "abc".repeat(2500)],
      [".*x.*x.*y", "x".repeat(8000)],
    ];
    const started = performance.now();
    for (const [pattern, input] of cases) expect(evalCondition({ s: input }, { s: { $regex: pattern } })).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

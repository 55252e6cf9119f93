import { RE2JS } from "re2js";
import { looseString } from "./values";

/**
 * `$regex` / `$regexi` without catastrophic backtracking.
 *
 * Patterns come from console users and run on every request, and V8's backtracking engine is
 * polynomial or exponential on patterns as ordinary as `a.*b.*c` (seconds on a 1 KiB input). So:
 *
 * - a pattern with any quantifier (`* + ? {`) runs on RE2JS, a linear-time automaton engine;
 * - a quantifier-free pattern (literals, classes, anchors, alternation) cannot blow up and runs on
 *   V8's `RegExp`, which is 10–40× faster for the short strings targeting sees;
 * - inputs longer than {@link MAX_REGEX_INPUT} characters do not match (defence in depth: the
 *   cost stays bounded even for a linear engine);
 * - {@link validateRegex}, called when a condition is saved, accepts only patterns that are valid
 *   JavaScript *and* compile on RE2 (no backreferences or lookaround), at most
 *   {@link MAX_REGEX_LENGTH} characters. A pattern that reaches evaluation anyway and cannot be
 *   compiled safely makes the operator false, as an invalid pattern does in GrowthBook.
 *
 * Compiled matchers are cached by pattern and flag. See docs/decisions/010-engine-core.md.
 */

export const MAX_REGEX_LENGTH = 1024;
export const MAX_REGEX_INPUT = 8192;
const CACHE_LIMIT = 2000;

export type RegexTester = (value: unknown) => boolean;

const cache = new Map<string, RegexTester | null>();

const QUANTIFIER = /[*+?{]/;

/** Returns why a pattern cannot be saved, or null when it is safe to evaluate on every request. */
export function validateRegex(pattern: unknown): string | null {
  if (typeof pattern !== "string") return "a regular expression must be a string";
  if (pattern.length > MAX_REGEX_LENGTH) return `a regular expression may have at most ${MAX_REGEX_LENGTH} characters`;
  try {
    new RegExp(pattern);
  } catch (error) {
    return `invalid regular expression: ${messageOf(error)}`;
  }
  try {
    RE2JS.compile(RE2JS.translateRegExp(jsDot(pattern)));
  } catch (error) {
    return `unsupported in a linear-time regular expression (no backreferences, lookahead or lookbehind): ${messageOf(error)}`;
  }
  return null;
}

/**
 * The matcher for a pattern, or null when the pattern cannot be evaluated safely (then the
 * operator is false). Like `RegExp.prototype.test`, the value is converted with `String()`, so
 * `null` is tested as `"null"` — GrowthBook's behaviour.
 */
export function regexTester(pattern: unknown, insensitive: boolean): RegexTester | null {
  if (typeof pattern !== "string") return null;
  const key = insensitive ? `i/${pattern}` : `s/${pattern}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const tester = buildTester(pattern, insensitive);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, tester);
  return tester;
}

function buildTester(pattern: string, insensitive: boolean): RegexTester | null {
  if (pattern.length > MAX_REGEX_LENGTH) return null;
  let native: RegExp;
  try {
    native = new RegExp(pattern, insensitive ? "i" : undefined);
  } catch {
    return null;
  }
  if (!QUANTIFIER.test(pattern)) {
    return (value) => {
      const text = looseString(value);
      return text !== null && text.length <= MAX_REGEX_INPUT && native.test(text);
    };
  }
  let linear: RE2JS;
  try {
    linear = RE2JS.compile(RE2JS.translateRegExp(jsDot(pattern)), insensitive ? RE2JS.CASE_INSENSITIVE : 0);
  } catch {
    return null;
  }
  return (value) => {
    const text = looseString(value);
    return text !== null && text.length <= MAX_REGEX_INPUT && linear.test(text);
  };
}

/**
 * JavaScript's `.` excludes all four line terminators, RE2's only `\n`: spell the JavaScript
 * meaning out so both engines agree. Escapes and character classes are left alone.
 */
function jsDot(pattern: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      out += c + (pattern[i + 1] ?? "");
      i++;
    } else if (inClass) {
      if (c === "]") inClass = false;
      out += c;
    } else if (c === "[") {
      inClass = true;
      out += c;
    } else {
      out += c === "." ? "[^\\n\\r\\u2028\\u2029]" : c;
    }
  }
  return out;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

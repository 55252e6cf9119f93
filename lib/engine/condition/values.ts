/**
 * Value helpers with JavaScript's own coercions, because GrowthBook's semantics are defined by
 * them: `"8" > 5` is true, `null < 10` is true, `{"age": 30}` matches `"30"` by string equality.
 */

export type TypeName = "null" | "array" | "string" | "number" | "boolean" | "object" | "undefined" | "unknown";

/** The `$type` name of a value. */
export function typeName(value: unknown): TypeName {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  const t = typeof value;
  if (t === "string" || t === "number" || t === "boolean" || t === "object" || t === "undefined") return t;
  return "unknown";
}

// Coercing an object runs its `toString`/`valueOf`, which throws for a document such as
// `{"toString": 1}`. GrowthBook would throw; here the one operator that needed the coercion is
// false, in the fast path and in the trace alike.
function isObject(v: unknown): boolean {
  return (typeof v === "object" && v !== null) || typeof v === "function";
}

/** `String(value)`, or null when the value cannot be turned into a string. */
export function looseString(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (!isObject(value)) return String(value);
  try {
    return String(value);
  } catch {
    return null;
  }
}

/** `Number(value)`, or NaN (equal to nothing) when the value cannot be turned into a number. */
export function looseNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (!isObject(value)) return Number(value);
  try {
    return Number(value);
  } catch {
    return NaN;
  }
}

// The relational operators below deliberately run JavaScript's abstract comparison on values of
// any type (that is GrowthBook's definition of $lt & co.). TypeScript only admits it on numbers,
// so the operands are presented as numbers; no conversion happens here.
function guarded(a: unknown, b: unknown, compare: (a: number, b: number) => boolean): boolean {
  if (!isObject(a) && !isObject(b)) return compare(a as number, b as number);
  try {
    return compare(a as number, b as number);
  } catch {
    return false;
  }
}
const lt = (a: number, b: number) => a < b;
const le = (a: number, b: number) => a <= b;
const gt = (a: number, b: number) => a > b;
const ge = (a: number, b: number) => a >= b;
export function lessThan(a: unknown, b: unknown): boolean {
  return guarded(a, b, lt);
}
export function lessOrEqual(a: unknown, b: unknown): boolean {
  return guarded(a, b, le);
}
export function greaterThan(a: unknown, b: unknown): boolean {
  return guarded(a, b, gt);
}
export function greaterOrEqual(a: unknown, b: unknown): boolean {
  return guarded(a, b, ge);
}

/** A plain (non-array, non-null) object. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** GrowthBook's operator object: at least one key, and every key starts with `$`. */
export function isOperatorObject(value: Record<string, unknown>): boolean {
  let count = 0;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (key.charCodeAt(0) !== 36 /* $ */) return false;
    count++;
  }
  return count > 0;
}

/** Lower-cases strings and leaves everything else alone (GrowthBook's case folding for `$ini`). */
export function foldCase(value: unknown): unknown {
  return typeof value === "string" ? value.toLowerCase() : value;
}

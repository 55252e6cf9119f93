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

// The relational operators below deliberately run JavaScript's abstract comparison on values of
// any type (that is GrowthBook's definition of $lt & co.). TypeScript only admits it on numbers,
// so the operands are presented as numbers; no conversion happens here.
export function lessThan(a: unknown, b: unknown): boolean {
  return (a as number) < (b as number);
}
export function lessOrEqual(a: unknown, b: unknown): boolean {
  return (a as number) <= (b as number);
}
export function greaterThan(a: unknown, b: unknown): boolean {
  return (a as number) > (b as number);
}
export function greaterOrEqual(a: unknown, b: unknown): boolean {
  return (a as number) >= (b as number);
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

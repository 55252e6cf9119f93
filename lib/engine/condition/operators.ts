import { regexTester } from "./safe-regex";
import type { EvalEnv, SavedGroups } from "./types";
import { foldCase, greaterOrEqual, greaterThan, isOperatorObject, isPlainObject, lessOrEqual, lessThan, looseNumber, looseString, typeName } from "./values";
import { paddedVersion } from "./version";

/**
 * GrowthBook's value operators, compiled: each operand is inspected once, here, and the returned
 * closure does only the per-request work. The semantics follow GrowthBook's `mongrule` (spec 0.8.0
 * and later) — see the conformance suite in `evaluate.conformance.test.ts`.
 */

export type ValueTest = (value: unknown, env: EvalEnv) => boolean;

/** A condition on a document, as `$elemMatch` needs it (injected to avoid an import cycle). */
export type ConditionTestFactory = (condition: unknown) => (doc: unknown, env: EvalEnv) => boolean;

export const VALUE_OPERATORS = [
  "$eq", "$ne", "$lt", "$lte", "$gt", "$gte",
  "$in", "$nin", "$ini", "$nini", "$all", "$alli",
  "$size", "$elemMatch", "$exists", "$type", "$regex", "$regexi", "$not",
  "$inGroup", "$notInGroup",
  "$veq", "$vne", "$vgt", "$vgte", "$vlt", "$vlte",
] as const;

export type ValueOperator = (typeof VALUE_OPERATORS)[number];

const KNOWN = new Set<string>(VALUE_OPERATORS);

export function isValueOperator(op: string): op is ValueOperator {
  return KNOWN.has(op);
}

const never: ValueTest = () => false;

/**
 * A value condition: a literal compared by GrowthBook's loose equality, or an operator object
 * whose operators must all pass. `insensitive` is set only for the elements of `$alli`.
 */
export function compileValueTest(condition: unknown, insensitive: boolean, conditionTest: ConditionTestFactory): ValueTest {
  if (typeof condition === "string") {
    if (insensitive) {
      const lower = condition.toLowerCase();
      return (value) => looseString(value)?.toLowerCase() === lower;
    }
    return (value) => looseString(value) === condition;
  }
  if (typeof condition === "number") return (value) => looseNumber(value) === condition;
  if (typeof condition === "boolean") return (value) => value !== null && Boolean(value) === condition;
  if (condition === null) return (value) => value === null;
  if (!isPlainObject(condition) || !isOperatorObject(condition)) {
    const json = JSON.stringify(condition);
    return (value) => JSON.stringify(value) === json;
  }
  const tests: ValueTest[] = [];
  for (const op of Object.keys(condition)) tests.push(compileOperator(op, condition[op], conditionTest));
  if (tests.length === 1) return tests[0];
  return (value, env) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i](value, env)) return false;
    return true;
  };
}

/** One operator applied to one operand. An unknown operator never passes. */
export function compileOperator(op: string, expected: unknown, conditionTest: ConditionTestFactory): ValueTest {
  switch (op) {
    case "$eq":
      return (value) => value === expected;
    case "$ne":
      return (value) => value !== expected;
    case "$lt":
      return (value) => lessThan(value, expected);
    case "$lte":
      return (value) => lessOrEqual(value, expected);
    case "$gt":
      return (value) => greaterThan(value, expected);
    case "$gte":
      return (value) => greaterOrEqual(value, expected);
    case "$exists":
      // `!= null` on purpose: undefined and null are both "absent".
      return expected ? (value) => value !== null && value !== undefined : (value) => value === null || value === undefined;
    case "$in":
      return Array.isArray(expected) ? membership(expected, false) : never;
    case "$nin":
      return Array.isArray(expected) ? negate(membership(expected, false)) : never;
    case "$ini":
      return Array.isArray(expected) ? membership(expected, true) : never;
    case "$nini":
      return Array.isArray(expected) ? negate(membership(expected, true)) : never;
    case "$all":
    case "$alli": {
      if (!Array.isArray(expected)) return never;
      const items = expected.map((item) => compileValueTest(item, op === "$alli", conditionTest));
      return (value, env) => {
        if (!Array.isArray(value)) return false;
        for (const item of items) {
          let found = false;
          for (let j = 0; j < value.length; j++) {
            if (item(value[j], env)) {
              found = true;
              break;
            }
          }
          if (!found) return false;
        }
        return true;
      };
    }
    case "$size": {
      const size = compileValueTest(expected, false, conditionTest);
      return (value, env) => Array.isArray(value) && size(value.length, env);
    }
    case "$elemMatch":
      return elemMatch(expected, conditionTest);
    case "$not": {
      const inner = compileValueTest(expected, false, conditionTest);
      return (value, env) => !inner(value, env);
    }
    case "$type":
      return (value) => typeName(value) === expected;
    case "$regex":
    case "$regexi": {
      const tester = regexTester(expected, op === "$regexi");
      return tester === null ? never : (value) => tester(value);
    }
    case "$inGroup":
      return (value, env) => {
        const values = savedGroupValues(env.savedGroups, expected);
        return values !== null && isIn(value, values);
      };
    case "$notInGroup":
      return (value, env) => {
        // A malformed group matches nobody; an unknown one is an empty list.
        const values = savedGroupValues(env.savedGroups, expected);
        return values !== null && !isIn(value, values);
      };
    case "$veq":
    case "$vne":
    case "$vgt":
    case "$vgte":
    case "$vlt":
    case "$vlte":
      return versionTest(op, paddedVersion(expected));
    default:
      return never;
  }
}

function negate(test: ValueTest): ValueTest {
  return (value, env) => !test(value, env);
}

/**
 * `$in` and friends: the value is in the list, or — when the value is an array — any element is.
 * A `Set` answers exactly as `Array.prototype.includes` (both use SameValueZero).
 */
function membership(list: readonly unknown[], insensitive: boolean): ValueTest {
  if (!insensitive) {
    const set = new Set(list);
    return (value) => {
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (set.has(value[i])) return true;
        return false;
      }
      return set.has(value);
    };
  }
  const folded = new Set(list.map(foldCase));
  // GrowthBook compares folded values with `===`, under which NaN equals nothing.
  const has = (v: unknown) => {
    const f = foldCase(v);
    return f === f && folded.has(f);
  };
  return (value) => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) if (has(value[i])) return true;
      return false;
    }
    return has(value);
  };
}

function isIn(value: unknown, list: readonly unknown[]): boolean {
  if (Array.isArray(value)) return value.some((el) => list.includes(el));
  return list.includes(value);
}

/** A saved group's list, `[]` for an unknown id, null for an entry that is not a list. */
function savedGroupValues(groups: SavedGroups, id: unknown): readonly unknown[] | null {
  const entry = groups[String(id)];
  if (entry === undefined) return [];
  if (Array.isArray(entry)) return entry;
  if (isPlainObject(entry) && entry.type === "list") return Array.isArray(entry.values) ? entry.values : null;
  return null;
}

function elemMatch(expected: unknown, conditionTest: ConditionTestFactory): ValueTest {
  if (!isPlainObject(expected)) return never;
  let check: ValueTest;
  if (isOperatorObject(expected)) {
    check = compileValueTest(expected, false, conditionTest);
  } else {
    const test = conditionTest(expected);
    check = (element, env) => test(element, env);
  }
  return (value, env) => {
    if (!Array.isArray(value)) return false;
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      // Only nullish elements are skipped; 0, "" and false are members like any other.
      if (element !== null && element !== undefined && check(element, env)) return true;
    }
    return false;
  };
}

function versionTest(op: string, expected: string): ValueTest {
  switch (op) {
    case "$veq":
      return (value) => paddedVersion(value) === expected;
    case "$vne":
      return (value) => paddedVersion(value) !== expected;
    case "$vgt":
      return (value) => paddedVersion(value) > expected;
    case "$vgte":
      return (value) => paddedVersion(value) >= expected;
    case "$vlt":
      return (value) => paddedVersion(value) < expected;
    default:
      return (value) => paddedVersion(value) <= expected;
  }
}


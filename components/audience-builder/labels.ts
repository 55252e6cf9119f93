import type { CountOp, PageField, RowKind, ValueOp, ValueType, WindowUnit } from "./model";

/** Words for the builder's menus. */

export const KIND_LABELS: Readonly<Record<RowKind, string>> = {
  attribute: "Attribute",
  event: "Event",
  segment: "Segment",
  page: "Page",
};

export const KIND_HINTS: Readonly<Record<RowKind, string>> = {
  attribute: "A profile, account or request attribute: user.plan, account.tier…",
  event: "Did (or did not do) something, how often, how recently",
  segment: "Is, or is not, in a saved segment",
  page: "The page's URL, path, referrer or a query parameter",
};

export const TYPE_LABELS: Readonly<Record<ValueType, string>> = {
  string: "Text",
  number: "Number",
  boolean: "Yes / no",
  version: "Version",
  list: "List",
};

export function operatorLabel(type: ValueType, op: ValueOp): string {
  if (type === "number") {
    const symbols: Partial<Record<ValueOp, string>> = { equals: "=", not_equals: "≠", lt: "<", lte: "≤", gt: ">", gte: "≥" };
    const symbol = symbols[op];
    if (symbol !== undefined) return symbol;
  }
  return OPERATOR_LABELS[op];
}

const OPERATOR_LABELS: Readonly<Record<ValueOp, string>> = {
  equals: "equals",
  not_equals: "does not equal",
  contains: "contains",
  starts_with: "starts with",
  ends_with: "ends with",
  matches: "matches regex",
  in: "is one of",
  not_in: "is not one of",
  lt: "<",
  lte: "≤",
  gt: ">",
  gte: "≥",
  between: "is between",
  is_true: "is true",
  is_false: "is false",
  veq: "version =",
  vne: "version ≠",
  vgt: "version >",
  vgte: "version ≥",
  vlt: "version <",
  vlte: "version ≤",
  list_contains: "contains",
  list_not_contains: "does not contain",
  list_contains_any: "contains any of",
  list_contains_all: "contains all of",
  list_contains_none: "contains none of",
  list_empty: "is empty",
  list_not_empty: "is not empty",
  exists: "exists",
  not_exists: "does not exist",
};

export const PAGE_FIELD_LABELS: Readonly<Record<PageField, string>> = {
  url: "URL",
  path: "Path",
  referrer: "Referrer",
  query: "Query parameter",
};

export const COUNT_LABELS: Readonly<Record<CountOp | "once", string>> = {
  once: "at least once",
  gte: "at least",
  gt: "more than",
  eq: "exactly",
  lte: "at most",
  lt: "fewer than",
  between: "between",
};

export const UNIT_LABELS: Readonly<Record<WindowUnit, string>> = { days: "days", hours: "hours", minutes: "minutes" };

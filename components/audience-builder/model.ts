/**
 * The audience builder's model and its mapping to SPEC §3 condition objects, both ways.
 *
 * Pure: no React, no engine calls. `conditionToModel` accepts exactly the conditions it can show
 * as rows and write back with the same meaning; anything else comes back as
 * `{ unsupported: reason }` so the builder opens it in the JSON editor instead of altering it.
 *
 * What the builder writes (canonical form):
 *   - a root AND with one row is that row alone (`{"user.plan": "pro"}`), otherwise `{"$and": [...]}`
 *     or `{"$or": [...]}`; a sub-group is always an explicit `{"$and"|"$or": [...]}` of rows;
 *   - "did not do" and "is not in" are `{"$not": {"$event"|"$segment": ...}}`;
 *   - `$event.where` is a flat object, or `{"$and": [...]}` when two rows test the same property.
 * What it also reads, rewriting only in ways that keep the meaning exactly: a flat object with
 * several keys (an implicit AND), `{"$and": [x]}`, `"count": 3` (read as `{"$eq": 3}`), a
 * `{"$regex"}` that is a plain escaped literal (read as "contains" / "starts with" / "ends with").
 */

export type ValueType = "string" | "number" | "boolean" | "version" | "list";

export type ValueOp =
  | "equals"
  | "not_equals"
  | "contains"
  | "starts_with"
  | "ends_with"
  | "matches"
  | "in"
  | "not_in"
  | "lt"
  | "lte"
  | "gt"
  | "gte"
  | "between"
  | "is_true"
  | "is_false"
  | "veq"
  | "vne"
  | "vgt"
  | "vgte"
  | "vlt"
  | "vlte"
  | "list_contains"
  | "list_not_contains"
  | "list_contains_all"
  | "list_contains_any"
  | "list_contains_none"
  | "list_empty"
  | "list_not_empty"
  | "exists"
  | "not_exists";

/** The operators offered for each value type, in menu order. */
export const OPERATORS: Readonly<Record<ValueType, readonly ValueOp[]>> = {
  string: ["equals", "not_equals", "contains", "starts_with", "ends_with", "matches", "in", "not_in", "exists", "not_exists"],
  number: ["equals", "not_equals", "lt", "lte", "gt", "gte", "between", "in", "not_in", "exists", "not_exists"],
  boolean: ["is_true", "is_false", "exists", "not_exists"],
  version: ["veq", "vne", "vgt", "vgte", "vlt", "vlte", "exists", "not_exists"],
  list: [
    "list_contains",
    "list_not_contains",
    "list_contains_any",
    "list_contains_all",
    "list_contains_none",
    "list_empty",
    "list_not_empty",
    "exists",
    "not_exists",
  ],
};

/** What kind of operand an operator takes, which decides the value input. */
export type OperandKind = "none" | "text" | "number" | "range" | "texts" | "numbers";

export function operandKind(type: ValueType, op: ValueOp): OperandKind {
  switch (op) {
    case "exists":
    case "not_exists":
    case "is_true":
    case "is_false":
    case "list_empty":
    case "list_not_empty":
      return "none";
    case "between":
      return "range";
    case "in":
    case "not_in":
      return type === "number" ? "numbers" : "texts";
    case "list_contains_all":
    case "list_contains_any":
    case "list_contains_none":
      return "texts";
    case "equals":
    case "not_equals":
    case "lt":
    case "lte":
    case "gt":
    case "gte":
      return type === "number" ? "number" : "text";
    default:
      return "text";
  }
}

/**
 * One test of one value. Only the fields the operator uses are meaningful; `canonicalTest`
 * resets the others, so two tests that write the same JSON compare equal.
 */
export interface ValueTest {
  readonly type: ValueType;
  readonly op: ValueOp;
  /** The operand of one-value operators (a string, or a number for number tests); `between`'s lower bound. */
  readonly value: string | number | null;
  /** `between`'s upper bound. */
  readonly to: number | null;
  /** The operands of `in`, `not_in` and the list operators. */
  readonly values: readonly (string | number)[];
  /**
   * `equals` / `is true` / `is false` written as `{"$eq": v}` (strict: `5` is not `"5"`) rather
   * than GrowthBook's literal, which compares loosely. Kept so a hand-written `$eq` stays one.
   */
  readonly strict: boolean;
}

export type PageField = "url" | "path" | "referrer" | "query";
export const PAGE_FIELDS: readonly PageField[] = ["url", "path", "referrer", "query"];

export interface AttributeRow {
  readonly kind: "attribute";
  readonly id: string;
  /** A dotted path into the evaluation document: `user.plan`, `account.tier`, `cart.value`. */
  readonly path: string;
  readonly test: ValueTest;
}

export interface PageRow {
  readonly kind: "page";
  readonly id: string;
  readonly field: PageField;
  /** The query parameter, for `field: "query"`. */
  readonly param: string;
  /** Always a string test. */
  readonly test: ValueTest;
}

export type CountOp = "gte" | "gt" | "eq" | "lte" | "lt" | "between";
export const COUNT_OPS: readonly CountOp[] = ["gte", "gt", "eq", "lte", "lt", "between"];

export interface EventCount {
  readonly op: CountOp;
  readonly value: number | null;
  /** `between`'s upper bound. */
  readonly to: number | null;
}

export type WindowUnit = "days" | "hours" | "minutes";
export const WINDOW_UNITS: readonly WindowUnit[] = ["days", "hours", "minutes"];

export interface EventWindow {
  readonly amount: number | null;
  readonly unit: WindowUnit;
}

/** A condition on a property of the counted events (`$event.where`). */
export interface WhereRow {
  readonly id: string;
  readonly path: string;
  readonly test: ValueTest;
}

export interface EventRow {
  readonly kind: "event";
  readonly id: string;
  /** false: "did not do" (`{"$not": {"$event": …}}`). */
  readonly did: boolean;
  readonly name: string;
  /** null: at least once (no `count`). */
  readonly count: EventCount | null;
  /** null: ever (no `within`). */
  readonly within: EventWindow | null;
  readonly where: readonly WhereRow[];
}

export interface SegmentRow {
  readonly kind: "segment";
  readonly id: string;
  readonly key: string;
  /** false: "is not in" (`{"$not": {"$segment": …}}`). */
  readonly member: boolean;
}

export type Row = AttributeRow | PageRow | EventRow | SegmentRow;
export type RowKind = Row["kind"];
export type Combinator = "and" | "or";

/** A sub-group of the root: rows only (one level of nesting). */
export interface Group {
  readonly kind: "group";
  readonly id: string;
  readonly combinator: Combinator;
  readonly items: readonly Row[];
}

export type Item = Row | Group;

export type AudienceModel =
  | { readonly kind: "empty" }
  | { readonly kind: "everyone" }
  | { readonly kind: "rules"; readonly combinator: Combinator; readonly items: readonly Item[] };

export type ConditionJson = { readonly [key: string]: unknown };

export type ToModelResult = { readonly model: AudienceModel } | { readonly unsupported: string };

export interface ToModelOptions {
  /**
   * The catalog's type of an attribute path (or, with `event`, of a property of that event),
   * used only where the JSON does not say (`$exists`, an empty `$in`, `$in` on a list).
   */
  readonly typeOf?: (path: string, event?: string) => ValueType | undefined;
}

// ---------------------------------------------------------------------------------------------
// ids

let counter = 0;

/** A fresh id for a row or group (React keys and validation problems hang on it). */
export function newId(prefix = "r"): string {
  counter += 1;
  return `${prefix}${counter.toString(36)}`;
}

// ---------------------------------------------------------------------------------------------
// regex literals

const SYNTAX = /[\\^$.*+?()[\]{}|]/g;
const SYNTAX_CHARS = new Set("\\^$.*+?()[]{}|");

/** A regular expression that matches `text` literally. */
export function escapeRegex(text: string): string {
  return text.replace(SYNTAX, "\\$&");
}

/** The literal text a pattern matches when it is nothing but literals and escaped syntax characters. */
export function literalOf(pattern: string): string | null {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      const next = pattern[i + 1];
      if (next === undefined || !SYNTAX_CHARS.has(next)) return null;
      out += next;
      i++;
    } else if (SYNTAX_CHARS.has(c)) {
      return null;
    } else {
      out += c;
    }
  }
  return out;
}

function classifyRegex(pattern: string): { op: "contains" | "starts_with" | "ends_with" | "matches"; value: string } {
  const whole = literalOf(pattern);
  if (whole !== null) return { op: "contains", value: whole };
  if (pattern.startsWith("^")) {
    const rest = literalOf(pattern.slice(1));
    if (rest !== null) return { op: "starts_with", value: rest };
  }
  if (pattern.endsWith("$")) {
    const rest = literalOf(pattern.slice(0, -1));
    if (rest !== null) return { op: "ends_with", value: rest };
  }
  return { op: "matches", value: pattern };
}

// ---------------------------------------------------------------------------------------------
// value tests

const NO_VALUES: readonly (string | number)[] = [];

/** A test with only the fields its operator uses; everything else at its neutral value. */
export function canonicalTest(test: ValueTest): ValueTest {
  const { type, op } = test;
  const base: ValueTest = { type, op, value: null, to: null, values: NO_VALUES, strict: false };
  switch (operandKind(type, op)) {
    case "none":
      return op === "is_true" || op === "is_false" ? { ...base, strict: test.strict } : base;
    case "range":
      return { ...base, value: numberOrNull(test.value), to: test.to };
    case "number": {
      const value = numberOrNull(test.value);
      return { ...base, value, strict: op === "equals" && value !== null && test.strict };
    }
    case "numbers":
      return { ...base, values: test.values.filter((v) => typeof v === "number") };
    case "texts":
      return { ...base, values: test.values.map(String) };
    case "text":
      return { ...base, value: test.value === null ? "" : String(test.value), strict: op === "equals" && type === "string" && test.strict };
  }
}

/**
 * `canonicalTest`, and a "matches" whose pattern is a plain literal read as the contains /
 * starts with / ends with it is (the very same condition): for comparing models.
 */
export function comparableTest(test: ValueTest): ValueTest {
  const canonical = canonicalTest(test);
  if (canonical.op !== "matches" || typeof canonical.value !== "string") return canonical;
  const read = classifyRegex(canonical.value);
  return { ...canonical, op: read.op, value: read.value };
}

function numberOrNull(value: string | number | null): number | null {
  return typeof value === "number" ? value : null;
}

/** A blank test of a type: the type's first operator, empty operands. */
export function emptyTest(type: ValueType, op: ValueOp = OPERATORS[type][0]): ValueTest {
  return canonicalTest({ type, op, value: null, to: null, values: NO_VALUES, strict: false });
}

/** The test after the user picks another operator: operands carried over where they still fit. */
export function withOperator(test: ValueTest, op: ValueOp): ValueTest {
  const from = operandKind(test.type, test.op);
  const to = operandKind(test.type, op);
  const single = (k: OperandKind) => k === "text" || k === "number" || k === "range";
  const multi = (k: OperandKind) => k === "texts" || k === "numbers";
  let { value, values } = test;
  if (single(from) && multi(to) && value !== null && value !== "") values = [value];
  if (multi(from) && single(to) && values.length > 0) value = values[0];
  // Keep what the user meant: "contains a.b" becomes the pattern that says so.
  if (op === "matches" && from === "text" && typeof value === "string") value = regexFor(test.op, value);
  return canonicalTest({ ...test, op, value, values, strict: false });
}

/** The test after the user changes the value type (a catalog type, or the type menu). */
export function withType(test: ValueTest, type: ValueType): ValueTest {
  if (type === test.type) return test;
  const op = OPERATORS[type].includes(test.op) ? test.op : OPERATORS[type][0];
  const carried: ValueTest = { ...test, type, op };
  if (type === "number") {
    const n = typeof test.value === "string" && test.value.trim() !== "" ? Number(test.value) : NaN;
    return canonicalTest({ ...carried, value: Number.isFinite(n) ? n : null, values: test.values.filter((v) => typeof v === "number") });
  }
  return canonicalTest({ ...carried, value: test.value === null ? "" : String(test.value) });
}

function regexFor(op: ValueOp, text: string): string {
  switch (op) {
    case "contains":
      return escapeRegex(text);
    case "starts_with":
      return `^${escapeRegex(text)}`;
    case "ends_with":
      return `${escapeRegex(text)}$`;
    default:
      return text;
  }
}

function writeTest(t: ValueTest): unknown {
  const value = t.value;
  switch (t.op) {
    case "equals":
      if (t.type === "number" && value === null) return { $eq: null };
      return t.strict ? { $eq: value } : value;
    case "not_equals":
      return { $ne: value };
    case "contains":
    case "starts_with":
    case "ends_with":
    case "matches":
      return { $regex: regexFor(t.op, typeof value === "string" ? value : "") };
    case "in":
    case "list_contains_any":
      return { $in: [...t.values] };
    case "not_in":
    case "list_contains_none":
      return { $nin: [...t.values] };
    case "lt":
      return { $lt: value };
    case "lte":
      return { $lte: value };
    case "gt":
      return { $gt: value };
    case "gte":
      return { $gte: value };
    case "between":
      return { $gte: value, $lte: t.to };
    case "is_true":
      return t.strict ? { $eq: true } : true;
    case "is_false":
      return t.strict ? { $eq: false } : false;
    case "veq":
    case "vne":
    case "vgt":
    case "vgte":
    case "vlt":
    case "vlte":
      return { [`$${t.op}`]: value ?? "" };
    case "list_contains":
      return { $elemMatch: { $eq: value ?? "" } };
    case "list_not_contains":
      return { $not: { $elemMatch: { $eq: value ?? "" } } };
    case "list_contains_all":
      return { $all: [...t.values] };
    case "list_empty":
      return { $size: 0 };
    case "list_not_empty":
      return { $size: { $gt: 0 } };
    case "exists":
      return { $exists: true };
    case "not_exists":
      return { $exists: false };
  }
}

type Read<T> = { readonly ok: T } | { readonly unsupported: string };

function test(type: ValueType, op: ValueOp, fields: Partial<Pick<ValueTest, "value" | "to" | "values" | "strict">> = {}): Read<ValueTest> {
  return { ok: canonicalTest({ type, op, value: null, to: null, values: NO_VALUES, strict: false, ...fields }) };
}

const isNumberOrNull = (v: unknown): v is number | null => v === null || typeof v === "number";

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** Reads the value side of `{"<path>": <condition>}`. `hint` is the catalog's type of the path. */
function readTest(condition: unknown, hint: ValueType | undefined): Read<ValueTest> {
  if (typeof condition === "string") return test("string", "equals", { value: condition });
  if (typeof condition === "number") return test("number", "equals", { value: condition });
  if (typeof condition === "boolean") return test("boolean", condition ? "is_true" : "is_false");
  if (condition === null) return { unsupported: "a comparison with null" };
  if (Array.isArray(condition)) return { unsupported: "a comparison with a literal array" };
  if (typeof condition !== "object") return { unsupported: `the value ${describe(condition)}` };
  const entries = Object.entries(condition);
  if (entries.length === 0 || entries.some(([key]) => !key.startsWith("$"))) {
    return { unsupported: "a comparison with a literal object" };
  }
  const ops = entries.map(([key]) => key).sort();
  const operand = (condition as Record<string, unknown>)[ops[0]];
  if (ops.length === 2 && ops[0] === "$gte" && ops[1] === "$lte") {
    const low = (condition as Record<string, unknown>).$gte;
    const high = (condition as Record<string, unknown>).$lte;
    if (isNumberOrNull(low) && isNumberOrNull(high)) return test("number", "between", { value: low, to: high });
    return { unsupported: "a range whose bounds are not numbers" };
  }
  if (ops.length > 1) return { unsupported: `several operators on one attribute (${ops.join(", ")})` };
  const op = ops[0];
  switch (op) {
    case "$eq":
      if (typeof operand === "string") return test("string", "equals", { value: operand, strict: true });
      if (typeof operand === "boolean") return test("boolean", operand ? "is_true" : "is_false", { strict: true });
      if (isNumberOrNull(operand)) return test("number", "equals", { value: operand, strict: true });
      break;
    case "$ne":
      if (typeof operand === "string") return test("string", "not_equals", { value: operand });
      if (isNumberOrNull(operand)) return test("number", "not_equals", { value: operand });
      break;
    case "$lt":
    case "$lte":
    case "$gt":
    case "$gte":
      if (isNumberOrNull(operand)) return test("number", op.slice(1) as ValueOp, { value: operand });
      break;
    case "$regex":
      if (typeof operand === "string") {
        const read = classifyRegex(operand);
        return test("string", read.op, { value: read.value });
      }
      break;
    case "$in":
    case "$nin": {
      if (!Array.isArray(operand)) break;
      const strings = operand.every((v) => typeof v === "string");
      const numbers = operand.every((v) => typeof v === "number");
      if (strings && hint === "list") return test("list", op === "$in" ? "list_contains_any" : "list_contains_none", { values: operand });
      const type: ValueType | null = operand.length === 0 ? (hint === "number" ? "number" : "string") : strings ? "string" : numbers ? "number" : null;
      if (type === null) return { unsupported: `${op} with a mix of value types` };
      return test(type, op === "$in" ? "in" : "not_in", { values: operand as (string | number)[] });
    }
    case "$exists":
      if (typeof operand === "boolean") return test(hint ?? "string", operand ? "exists" : "not_exists");
      break;
    case "$veq":
    case "$vne":
    case "$vgt":
    case "$vgte":
    case "$vlt":
    case "$vlte":
      if (typeof operand === "string") return test("version", op.slice(1) as ValueOp, { value: operand });
      break;
    case "$elemMatch":
      if (isSingle(operand, "$eq") && typeof operand.$eq === "string") return test("list", "list_contains", { value: operand.$eq });
      break;
    case "$not":
      if (isSingle(operand, "$elemMatch") && isSingle(operand.$elemMatch, "$eq") && typeof operand.$elemMatch.$eq === "string") {
        return test("list", "list_not_contains", { value: operand.$elemMatch.$eq });
      }
      break;
    case "$all":
      if (Array.isArray(operand) && operand.every((v) => typeof v === "string")) return test("list", "list_contains_all", { values: operand });
      break;
    case "$size":
      if (operand === 0) return test("list", "list_empty");
      if (isSingle(operand, "$gt") && operand.$gt === 0) return test("list", "list_not_empty");
      break;
  }
  return { unsupported: `the operator ${op} with ${describe(operand)}` };
}

function isSingle<K extends string>(value: unknown, key: K): value is { [P in K]: unknown } {
  return isPlainObject(value) && Object.keys(value).length === 1 && Object.hasOwn(value, key);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------
// rows

const PAGE_PATHS: ReadonlyMap<string, PageField> = new Map([
  ["context.url", "url"],
  ["context.path", "path"],
  ["context.referrer", "referrer"],
]);
const QUERY_PREFIX = "context.query.";

/** The document path a page row tests. */
export function pagePath(field: PageField, param: string): string {
  return field === "query" ? `${QUERY_PREFIX}${param}` : `context.${field}`;
}

function pageFieldOf(path: string): { field: PageField; param: string } | null {
  const field = PAGE_PATHS.get(path);
  if (field !== undefined) return { field, param: "" };
  if (path.startsWith(QUERY_PREFIX)) return { field: "query", param: path.slice(QUERY_PREFIX.length) };
  return null;
}

/** Is this path shown as a page row (URL, path, referrer, query parameter)? */
export function isPagePath(path: string): boolean {
  return pageFieldOf(path) !== null;
}

function readPathRow(path: string, condition: unknown, options: ToModelOptions): Read<Row> {
  const page = pageFieldOf(path);
  if (page !== null) {
    const read = readTest(condition, "string");
    if ("unsupported" in read) return { unsupported: `${path}: ${read.unsupported}` };
    if (read.ok.type !== "string") return { unsupported: `${path}: page conditions compare text, not ${read.ok.type}` };
    return { ok: { kind: "page", id: newId(), field: page.field, param: page.param, test: read.ok } };
  }
  const read = readTest(condition, options.typeOf?.(path));
  if ("unsupported" in read) return { unsupported: `${path}: ${read.unsupported}` };
  return { ok: { kind: "attribute", id: newId(), path, test: read.ok } };
}

function readEvent(operand: unknown, did: boolean, options: ToModelOptions): Read<Row> {
  if (!isPlainObject(operand)) return { unsupported: "an $event that is not an object" };
  const extra = Object.keys(operand).filter((k) => !["name", "count", "within", "where"].includes(k));
  if (extra.length > 0) return { unsupported: `an $event with the field ${extra.join(", ")}` };
  const name = operand.name;
  if (typeof name !== "string") return { unsupported: "an $event without a name" };

  let count: EventCount | null = null;
  const c = operand.count;
  if (typeof c === "number") {
    // `count: 3` and `count: {"$eq": 3}` are the same test on a number.
    count = { op: "eq", value: c, to: null };
  } else if (c !== undefined) {
    if (!isPlainObject(c)) return { unsupported: `an $event count of ${describe(c)}` };
    const keys = Object.keys(c).sort();
    if (keys.length === 2 && keys[0] === "$gte" && keys[1] === "$lte" && isNumberOrNull(c.$gte) && isNumberOrNull(c.$lte)) {
      count = { op: "between", value: c.$gte, to: c.$lte };
    } else if (keys.length === 1 && ["$gte", "$gt", "$eq", "$lte", "$lt"].includes(keys[0]) && isNumberOrNull(c[keys[0]])) {
      count = { op: keys[0].slice(1) as CountOp, value: c[keys[0]] as number | null, to: null };
    } else {
      return { unsupported: `an $event count of ${describe(c)}` };
    }
  }

  let within: EventWindow | null = null;
  const w = operand.within;
  if (w !== undefined) {
    const keys = isPlainObject(w) ? Object.keys(w) : [];
    const unit = keys[0];
    if (!isPlainObject(w) || keys.length !== 1 || !(WINDOW_UNITS as readonly string[]).includes(unit) || !isNumberOrNull(w[unit])) {
      return { unsupported: `an $event window of ${describe(w)}` };
    }
    within = { amount: w[unit] as number | null, unit: unit as WindowUnit };
  }

  const where: WhereRow[] = [];
  const wh = operand.where;
  if (wh !== undefined) {
    if (!isPlainObject(wh)) return { unsupported: `an $event where of ${describe(wh)}` };
    let pairs: [string, unknown][];
    if (Object.keys(wh).length === 1 && Array.isArray(wh.$and)) {
      pairs = [];
      for (const item of wh.$and) {
        const keys = isPlainObject(item) ? Object.keys(item) : [];
        if (!isPlainObject(item) || keys.length !== 1 || keys[0].startsWith("$")) return { unsupported: `an $event where of ${describe(wh)}` };
        pairs.push([keys[0], item[keys[0]]]);
      }
    } else {
      pairs = Object.entries(wh);
    }
    for (const [path, condition] of pairs) {
      if (path.startsWith("$")) return { unsupported: `the operator ${path} in an $event where` };
      const read = readTest(condition, options.typeOf?.(path, name));
      if ("unsupported" in read) return { unsupported: `${name} where ${path}: ${read.unsupported}` };
      where.push({ id: newId("w"), path, test: read.ok });
    }
  }
  return { ok: { kind: "event", id: newId(), did, name, count, within, where } };
}

/** A single-key object as one row, or why not. */
function readEntry(key: string, value: unknown, options: ToModelOptions): Read<Row> {
  switch (key) {
    case "$segment":
      if (typeof value !== "string") return { unsupported: "a $segment that is not a segment key" };
      return { ok: { kind: "segment", id: newId(), key: value, member: true } };
    case "$event":
      return readEvent(value, true, options);
    case "$not": {
      if (isSingle(value, "$event")) return readEvent(value.$event, false, options);
      if (isSingle(value, "$segment") && typeof value.$segment === "string") {
        return { ok: { kind: "segment", id: newId(), key: value.$segment, member: false } };
      }
      return { unsupported: "a $not around something other than one event or one segment" };
    }
    case "$nor":
      return { unsupported: "$nor (none of)" };
    case "$everyone":
      return { unsupported: "$everyone combined with other conditions" };
    case "$and":
    case "$or":
      return { unsupported: "groups nested more than one level deep" };
    default:
      if (key.startsWith("$")) return { unsupported: `the operator ${key}` };
      return readPathRow(key, value, options);
  }
}

/** Rows of an object used as one item: one row, or (several keys) the rows of an implicit AND. */
function readRows(node: unknown, options: ToModelOptions): Read<Row[]> {
  if (!isPlainObject(node)) return { unsupported: `the condition ${describe(node)}` };
  const entries = Object.entries(node);
  if (entries.length === 0) return { unsupported: "an empty condition {} inside a group (it matches everyone)" };
  const rows: Row[] = [];
  for (const [key, value] of entries) {
    const read = readEntry(key, value, options);
    if ("unsupported" in read) return read;
    rows.push(read.ok);
  }
  return { ok: rows };
}

function readGroup(combinator: Combinator, list: unknown, options: ToModelOptions): Read<Group> {
  if (!Array.isArray(list)) return { unsupported: `a $${combinator} that is not a list` };
  const items: Row[] = [];
  for (const element of list) {
    const read = readRows(element, options);
    if ("unsupported" in read) return read;
    // Several keys in one element are an AND: fine inside an AND group, not inside an OR.
    if (read.ok.length > 1 && combinator === "or") return { unsupported: "an AND inside an OR group inside another group (more than one level)" };
    items.push(...read.ok);
  }
  if (items.length === 0) return { unsupported: `an empty $${combinator} group` };
  return { ok: { kind: "group", id: newId("g"), combinator, items } };
}

/** An element of the root's list: a row, a sub-group, or (several keys) an AND sub-group. */
function readItem(node: unknown, options: ToModelOptions): Read<Item> {
  if (!isPlainObject(node)) return { unsupported: `the condition ${describe(node)}` };
  const keys = Object.keys(node);
  if (keys.length === 1 && (keys[0] === "$and" || keys[0] === "$or")) return readGroup(keys[0] === "$and" ? "and" : "or", node[keys[0]], options);
  const read = readRows(node, options);
  if ("unsupported" in read) return read;
  if (read.ok.length === 1) return { ok: read.ok[0] };
  return { ok: { kind: "group", id: newId("g"), combinator: "and", items: read.ok } };
}

/**
 * A SPEC §3 condition as the builder's model, or why the builder cannot show it. `null`,
 * `undefined` and `{}` are the empty audience ("Needs setup").
 */
export function conditionToModel(condition: unknown, options: ToModelOptions = {}): ToModelResult {
  if (condition === null || condition === undefined) return { model: { kind: "empty" } };
  if (!isPlainObject(condition)) return { unsupported: "an audience must be a condition object" };
  const entries = Object.entries(condition);
  if (entries.length === 0) return { model: { kind: "empty" } };
  if (entries.length === 1 && entries[0][0] === "$everyone") {
    return entries[0][1] === true ? { model: { kind: "everyone" } } : { unsupported: "$everyone must be true" };
  }
  if (entries.length === 1 && (entries[0][0] === "$and" || entries[0][0] === "$or")) {
    const [key, list] = entries[0];
    const combinator: Combinator = key === "$and" ? "and" : "or";
    if (!Array.isArray(list)) return { unsupported: `a ${key} that is not a list` };
    const items: Item[] = [];
    for (const element of list) {
      const read = readItem(element, options);
      if ("unsupported" in read) return read;
      items.push(read.ok);
    }
    if (items.length === 0) return { unsupported: `an empty ${key} (it would match ${key === "$and" ? "everyone" : "everyone, as GrowthBook reads it"})` };
    return { model: { kind: "rules", combinator, items } };
  }
  // One row, or several keys: an implicit AND whose `$and`/`$or` keys are sub-groups.
  const items: Item[] = [];
  for (const [key, value] of entries) {
    if (key === "$and" || key === "$or") {
      const read = readGroup(key === "$and" ? "and" : "or", value, options);
      if ("unsupported" in read) return read;
      items.push(read.ok);
    } else {
      const read = readEntry(key, value, options);
      if ("unsupported" in read) return read;
      items.push(read.ok);
    }
  }
  return { model: { kind: "rules", combinator: "and", items } };
}

// ---------------------------------------------------------------------------------------------
// model → condition

function entry(key: string, value: unknown): ConditionJson {
  // Object.fromEntries defines an own property even for a key such as "__proto__".
  return Object.fromEntries([[key, value]]);
}

function rowPath(row: AttributeRow | PageRow): string {
  return row.kind === "page" ? pagePath(row.field, row.param) : row.path;
}

const INDEX_LIKE = /^(0|[1-9]\d*)$/;

function writeEvent(row: EventRow): ConditionJson {
  const spec: Record<string, unknown> = { name: row.name };
  if (row.count !== null) {
    const { op, value, to } = row.count;
    spec.count = op === "between" ? { $gte: value, $lte: to } : entry(`$${op}`, value);
  }
  if (row.within !== null) spec.within = entry(row.within.unit, row.within.amount);
  if (row.where.length > 0) {
    const paths = row.where.map((w) => w.path);
    // A flat object keeps its rows' order only when no two share a path and none looks like an
    // array index (JavaScript orders those keys first).
    const flat = new Set(paths).size === paths.length && !paths.some((p) => INDEX_LIKE.test(p));
    spec.where = flat
      ? Object.fromEntries(row.where.map((w) => [w.path, writeTest(w.test)]))
      : { $and: row.where.map((w) => entry(w.path, writeTest(w.test))) };
  }
  const condition = { $event: spec };
  return row.did ? condition : { $not: condition };
}

function writeRow(row: Row): ConditionJson {
  switch (row.kind) {
    case "attribute":
    case "page":
      return entry(rowPath(row), writeTest(row.test));
    case "segment":
      return row.member ? { $segment: row.key } : { $not: { $segment: row.key } };
    case "event":
      return writeEvent(row);
  }
}

/** Where each row was written (its JSON path, dot-separated like the validator's problems). */
export type RowPaths = Map<string, string>;

function join(at: string, key: string | number): string {
  return at === "" ? String(key) : `${at}.${key}`;
}

function recordRow(row: Row, at: string, paths: RowPaths): void {
  paths.set(row.id, at);
  if (row.kind === "event" && row.where.length > 0) {
    const base = join(row.did ? at : join(at, "$not"), "$event.where");
    const flat = new Set(row.where.map((w) => w.path)).size === row.where.length && !row.where.some((w) => INDEX_LIKE.test(w.path));
    row.where.forEach((w, i) => paths.set(w.id, flat ? join(base, w.path) : join(join(base, "$and"), i)));
  }
}

/** The condition the model describes, and where each row landed in it. */
export function modelToConditionWithPaths(model: AudienceModel): { condition: ConditionJson | null; paths: RowPaths } {
  const paths: RowPaths = new Map();
  if (model.kind === "empty") return { condition: null, paths };
  if (model.kind === "everyone") return { condition: { $everyone: true }, paths };
  const items = model.items.filter((item) => item.kind !== "group" || item.items.length > 0);
  if (items.length === 0) return { condition: null, paths };
  if (model.combinator === "and" && items.length === 1 && items[0].kind !== "group") {
    recordRow(items[0], "", paths);
    return { condition: writeRow(items[0]), paths };
  }
  const key = model.combinator === "and" ? "$and" : "$or";
  const list = items.map((item, i) => {
    const at = join(key, i);
    if (item.kind !== "group") {
      recordRow(item, at, paths);
      return writeRow(item);
    }
    paths.set(item.id, at);
    const inner = item.combinator === "and" ? "$and" : "$or";
    return entry(
      inner,
      item.items.map((row, j) => {
        recordRow(row, join(join(at, inner), j), paths);
        return writeRow(row);
      }),
    );
  });
  return { condition: entry(key, list), paths };
}

export function modelToCondition(model: AudienceModel): ConditionJson | null {
  return modelToConditionWithPaths(model).condition;
}

// ---------------------------------------------------------------------------------------------
// comparison and blanks

/** The model without ids and with canonical tests: two models that write the same condition compare equal. */
export function canonicalModel(model: AudienceModel): unknown {
  if (model.kind !== "rules") return model;
  const items = model.items.filter((item) => item.kind !== "group" || item.items.length > 0);
  if (items.length === 0) return { kind: "empty" };
  const row = (r: Row): unknown => {
    switch (r.kind) {
      case "attribute":
        return { kind: r.kind, path: r.path, test: comparableTest(r.test) };
      case "page":
        return { kind: r.kind, field: r.field, param: r.field === "query" ? r.param : "", test: comparableTest(r.test) };
      case "segment":
        return { kind: r.kind, key: r.key, member: r.member };
      case "event":
        return {
          kind: r.kind,
          did: r.did,
          name: r.name,
          count: r.count === null ? null : { op: r.count.op, value: r.count.value, to: r.count.op === "between" ? r.count.to : null },
          within: r.within,
          where: r.where.map((w) => ({ path: w.path, test: comparableTest(w.test) })),
        };
    }
  };
  return {
    kind: "rules",
    combinator: model.combinator,
    items: items.map((item) => (item.kind === "group" ? { kind: "group", combinator: item.combinator, items: item.items.map(row) } : row(item))),
  };
}

export function sameModel(a: AudienceModel, b: AudienceModel): boolean {
  return JSON.stringify(canonicalModel(a)) === JSON.stringify(canonicalModel(b));
}

export function blankRow(kind: RowKind, type: ValueType = "string"): Row {
  switch (kind) {
    case "attribute":
      return { kind, id: newId(), path: "", test: emptyTest(type) };
    case "page":
      return { kind, id: newId(), field: "path", param: "", test: emptyTest("string") };
    case "event":
      return { kind, id: newId(), did: true, name: "", count: null, within: null, where: [] };
    case "segment":
      return { kind, id: newId(), key: "", member: true };
  }
}

export function blankWhere(type: ValueType = "string"): WhereRow {
  return { id: newId("w"), path: "", test: emptyTest(type) };
}

/** The catalog's JSON type name as a value type ("object" and "null" have none). */
export function valueTypeOf(catalogType: string | undefined): ValueType | undefined {
  switch (catalogType) {
    case "string":
      return "string";
    case "number":
    case "integer":
      return "number";
    case "boolean":
      return "boolean";
    case "array":
    case "list":
      return "list";
    case "version":
      return "version";
    default:
      return undefined;
  }
}

import { parseEventSpec } from "./event-spec";
import { isValueOperator } from "./operators";
import { validateRegex } from "./safe-regex";
import { isOperatorObject, isPlainObject } from "./values";

/**
 * Save-time checks for an audience condition. The evaluator never throws and treats anything it
 * cannot make sense of as "no match"; this validator is where a console user learns why, before
 * the condition goes live. Problems carry a dotted path into the condition
 * (`$and.0.user.plan.$regex`) and a message meant for a person.
 */
export interface ConditionProblem {
  readonly path: string;
  readonly message: string;
}

export interface ValidateConditionOptions {
  /** Keys of the project's segments; a `$segment` naming anything else is a problem. */
  readonly segmentKeys: ReadonlySet<string> | readonly string[];
  /** GrowthBook saved-group ids that `$inGroup` may name; Bespoke itself has none (use `$segment`). */
  readonly savedGroupIds?: ReadonlySet<string> | readonly string[];
}

const TYPE_NAMES = new Set(["string", "number", "boolean", "object", "array", "null", "undefined"]);

export function validateCondition(condition: unknown, options: ValidateConditionOptions): ConditionProblem[] {
  const problems: ConditionProblem[] = [];
  const ctx: Ctx = {
    problems,
    segmentKeys: toSet(options.segmentKeys),
    savedGroupIds: options.savedGroupIds ? toSet(options.savedGroupIds) : null,
  };
  checkCondition(condition, "", ctx, null);
  return problems;
}

interface Ctx {
  readonly problems: ConditionProblem[];
  readonly segmentKeys: ReadonlySet<string>;
  readonly savedGroupIds: ReadonlySet<string> | null;
}

function toSet(keys: ReadonlySet<string> | readonly string[]): ReadonlySet<string> {
  return keys instanceof Set ? keys : new Set(keys);
}

function add(ctx: Ctx, path: string, message: string): void {
  ctx.problems.push({ path, message });
}

function join(at: string, key: string | number): string {
  return at === "" ? String(key) : `${at}.${key}`;
}

/**
 * `nested`: the operator whose document is not the profile (`$event.where` sees an event's
 * properties, `$elemMatch` an array element), where `$segment` and `$event` would mislead.
 */
type Nested = "$event.where" | "$elemMatch" | null;

function checkCondition(condition: unknown, at: string, ctx: Ctx, nested: Nested): void {
  if (!isPlainObject(condition)) {
    add(ctx, at, "a condition must be an object");
    return;
  }
  for (const [key, value] of Object.entries(condition)) {
    const here = join(at, key);
    switch (key) {
      case "$and":
      case "$or":
      case "$nor":
        if (!Array.isArray(value)) add(ctx, here, `${key} takes an array of conditions`);
        else value.forEach((item, i) => checkCondition(item, join(here, i), ctx, nested));
        break;
      case "$not":
        checkCondition(value, here, ctx, nested);
        break;
      case "$segment":
        if (nested) add(ctx, here, `$segment cannot be used inside ${nested} (it describes the profile)`);
        else if (typeof value !== "string" || value === "") add(ctx, here, "$segment takes a segment key");
        else if (!ctx.segmentKeys.has(value)) add(ctx, here, `unknown segment "${value}"`);
        break;
      case "$event":
        if (nested) add(ctx, here, `$event cannot be used inside ${nested}`);
        else checkEvent(value, here, ctx);
        break;
      case "$everyone":
        if (value !== true) add(ctx, here, "$everyone must be true (an audience of nobody is no audience)");
        break;
      default:
        if (key.startsWith("$")) add(ctx, here, `unknown operator ${key}`);
        else if (key.split(".").some((part) => part === "")) add(ctx, here, `"${key}" is not a valid attribute path`);
        else checkValue(value, here, ctx);
    }
  }
}

function checkEvent(operand: unknown, at: string, ctx: Ctx): void {
  const { problems } = parseEventSpec(operand);
  for (const p of problems) add(ctx, p.path === "" ? at : join(at, p.path), p.message);
  if (isPlainObject(operand) && isPlainObject(operand.where)) checkCondition(operand.where, join(at, "where"), ctx, "$event.where");
}

/** A value condition: a literal (implicit equality) or an operator object. */
function checkValue(value: unknown, at: string, ctx: Ctx): void {
  if (!isPlainObject(value)) return;
  const keys = Object.keys(value);
  const dollar = keys.filter((k) => k.startsWith("$"));
  if (dollar.length > 0 && dollar.length < keys.length) {
    add(ctx, at, "mixes operators and plain keys: it would be compared as a literal object");
    return;
  }
  if (!isOperatorObject(value)) return;
  for (const op of keys) checkOperator(op, value[op], join(at, op), ctx);
}

function isScalar(v: unknown): boolean {
  return v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean";
}

function checkOperator(op: string, operand: unknown, at: string, ctx: Ctx): void {
  if (!isValueOperator(op)) {
    add(ctx, at, `unknown operator ${op}`);
    return;
  }
  switch (op) {
    case "$eq":
    case "$ne":
      if (!isScalar(operand)) add(ctx, at, `${op} compares with a string, number, boolean or null`);
      return;
    case "$lt":
    case "$lte":
    case "$gt":
    case "$gte":
      if (typeof operand !== "string" && typeof operand !== "number") add(ctx, at, `${op} takes a number or a string`);
      return;
    case "$in":
    case "$nin":
    case "$ini":
    case "$nini":
      if (!Array.isArray(operand)) add(ctx, at, `${op} takes an array of values`);
      else if (!operand.every(isScalar)) add(ctx, at, `${op} lists strings, numbers, booleans or null`);
      return;
    case "$all":
    case "$alli":
      if (!Array.isArray(operand)) add(ctx, at, `${op} takes an array of values`);
      else operand.forEach((item, i) => checkValue(item, join(at, i), ctx));
      return;
    case "$size":
      if (typeof operand === "number") {
        if (!Number.isInteger(operand) || operand < 0) add(ctx, at, "$size takes a whole number, 0 or more");
      } else if (isPlainObject(operand) && isOperatorObject(operand)) {
        checkValue(operand, at, ctx);
      } else {
        add(ctx, at, '$size takes a number or a comparison such as {"$gt": 2}');
      }
      return;
    case "$elemMatch":
      if (!isPlainObject(operand) || Object.keys(operand).length === 0) add(ctx, at, "$elemMatch takes a condition object");
      else if (isOperatorObject(operand)) checkValue(operand, at, ctx);
      else checkCondition(operand, at, ctx, "$elemMatch");
      return;
    case "$exists":
      if (typeof operand !== "boolean") add(ctx, at, "$exists takes true or false");
      return;
    case "$type":
      if (typeof operand !== "string" || !TYPE_NAMES.has(operand)) {
        add(ctx, at, "$type takes one of string, number, boolean, object, array, null, undefined");
      }
      return;
    case "$regex":
    case "$regexi": {
      const problem = validateRegex(operand);
      if (problem !== null) add(ctx, at, problem);
      return;
    }
    case "$not":
      if (!isPlainObject(operand) && !isScalar(operand) && !Array.isArray(operand)) add(ctx, at, "$not takes a value condition");
      else checkValue(operand, at, ctx);
      return;
    case "$inGroup":
    case "$notInGroup":
      if (typeof operand !== "string") add(ctx, at, `${op} takes a saved group id`);
      else if (ctx.savedGroupIds === null) add(ctx, at, `${op} needs GrowthBook saved groups, which Bespoke does not have: use {"$segment": "<key>"}`);
      else if (!ctx.savedGroupIds.has(operand)) add(ctx, at, `unknown saved group "${operand}"`);
      return;
    default:
      // The version operators.
      if (typeof operand !== "string" && typeof operand !== "number") add(ctx, at, `${op} takes a version string such as "1.2.3"`);
  }
}

/**
 * Every segment key a condition references (including inside `$event.where` and `$elemMatch`),
 * each once, in order of appearance — so the management API can reject cycles between segments.
 */
export function findSegmentRefs(condition: unknown): string[] {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!isPlainObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "$segment" && typeof value === "string") found.add(value);
      else walk(value);
    }
  };
  walk(condition);
  return [...found];
}

import { isPlainObject } from "./values";

/**
 * The operand of `{"$event": {...}}`, checked once: both the compiler (which needs the numbers)
 * and the save-time validator (which needs the messages) read it through here.
 */
export interface EventSpec {
  readonly name: string;
  /** A value condition on the number of matching events; `{"$gte": 1}` when absent. */
  readonly count: unknown;
  /** Look-back window in milliseconds, or null for "ever". */
  readonly withinMs: number | null;
  /** A condition on the event's properties, or null. */
  readonly where: unknown;
}

export interface SpecProblem {
  /** Relative to the `$event` operand, e.g. `"within.days"`; empty for the operand itself. */
  readonly path: string;
  readonly message: string;
}

export const DEFAULT_EVENT_COUNT: { readonly $gte: 1 } = { $gte: 1 };

const COUNT_OPERATORS = new Set(["$eq", "$ne", "$lt", "$lte", "$gt", "$gte"]);
const KEYS = new Set(["name", "count", "within", "where"]);
const WINDOW_UNITS: Readonly<Record<string, number>> = { days: 86_400_000, hours: 3_600_000, minutes: 60_000 };

export function parseEventSpec(operand: unknown): { spec: EventSpec | null; problems: SpecProblem[] } {
  const problems: SpecProblem[] = [];
  if (!isPlainObject(operand)) {
    return { spec: null, problems: [{ path: "", message: '$event takes an object: {"name", "count"?, "within"?, "where"?}' }] };
  }
  for (const key of Object.keys(operand)) {
    if (!KEYS.has(key)) problems.push({ path: key, message: `$event has no field "${key}" (allowed: name, count, within, where)` });
  }
  const name = operand.name;
  if (typeof name !== "string" || name.trim() === "") problems.push({ path: "name", message: "$event needs an event name" });

  const count = operand.count === undefined ? DEFAULT_EVENT_COUNT : operand.count;
  problems.push(...countProblems(count));

  let withinMs: number | null = null;
  if (operand.within !== undefined) {
    const within = operand.within;
    if (!isPlainObject(within)) {
      problems.push({ path: "within", message: 'within takes an object such as {"days": 30}' });
    } else {
      let total = 0;
      for (const [unit, amount] of Object.entries(within)) {
        const factor = WINDOW_UNITS[unit];
        if (factor === undefined) {
          problems.push({ path: `within.${unit}`, message: `within accepts days, hours and minutes, not "${unit}"` });
        } else if (typeof amount !== "number" || !Number.isFinite(amount) || amount < 0) {
          problems.push({ path: `within.${unit}`, message: `within.${unit} must be a number of ${unit}, 0 or more` });
        } else {
          total += amount * factor;
        }
      }
      if (total <= 0) problems.push({ path: "within", message: "within must span some time (days, hours or minutes above 0)" });
      withinMs = total;
    }
  }

  const where = operand.where === undefined ? null : operand.where;
  if (where !== null && !isPlainObject(where)) problems.push({ path: "where", message: "where takes a condition object on the event's properties" });

  if (problems.length > 0 || typeof name !== "string") return { spec: null, problems };
  return { spec: { name, count, withinMs, where }, problems };
}

function countProblems(count: unknown): SpecProblem[] {
  if (typeof count === "number") {
    return Number.isInteger(count) && count >= 0 ? [] : [{ path: "count", message: "count must be a whole number, 0 or more" }];
  }
  if (!isPlainObject(count) || Object.keys(count).length === 0) {
    return [{ path: "count", message: 'count takes a number or a comparison such as {"$gte": 2}' }];
  }
  const problems: SpecProblem[] = [];
  for (const [op, value] of Object.entries(count)) {
    if (!COUNT_OPERATORS.has(op)) {
      problems.push({ path: `count.${op}`, message: `count accepts $eq, $ne, $lt, $lte, $gt and $gte, not "${op}"` });
    } else if (typeof value !== "number" || !Number.isFinite(value)) {
      problems.push({ path: `count.${op}`, message: `count.${op} must be a number` });
    }
  }
  return problems;
}

import { parseDateTime } from "../../engine";
import { AppError } from "../../errors";

/** The window of a results call: users first exposed in [from, to), events up to `to` (exclusive). */
export interface ResultsRange {
  /** null: since the first exposure. */
  from: Date | null;
  to: Date;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function badParameter(name: string, message: string): AppError {
  return new AppError("validation_failed", `The query string is invalid: ${name}: ${message}.`, [{ path: name, message }]);
}

/** A date is that day's midnight in the project's zone; `endOfDay` moves it to the next midnight. */
function instantOf(text: string, timezone: string, endOfDay: boolean, name: string): Date {
  const date = DATE_ONLY.exec(text);
  let ms: number;
  if (date) {
    const day = new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]) + (endOfDay ? 1 : 0)));
    ms = parseDateTime(day.toISOString().slice(0, 10), timezone);
  } else {
    ms = Date.parse(text);
  }
  if (!Number.isFinite(ms)) throw badParameter(name, "is not a date or date-time that can be read");
  return new Date(ms);
}

/**
 * Reads `from` and `to` (already checked for shape by the query schema) in the project's time zone.
 * `to` defaults to `now`; `from` to the beginning of the data.
 */
export function resolveRange(query: { from?: string; to?: string }, timezone: string, now: Date): ResultsRange {
  const from = query.from === undefined ? null : instantOf(query.from, timezone, false, "from");
  const to = query.to === undefined ? now : instantOf(query.to, timezone, true, "to");
  if (from && from.getTime() >= to.getTime()) {
    throw badParameter("to", `must be after from (${from.toISOString()}), got ${to.toISOString()}`);
  }
  return { from, to };
}

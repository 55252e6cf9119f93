import { TZDate, tzOffset } from "@date-fns/tz";

/**
 * Wall-clock time in an IANA time zone, from `@date-fns/tz` (which reads the zone rules from
 * the runtime's Intl data, so it follows DST changes and tzdata updates without a table of ours).
 */

const validity = new Map<string, boolean>();

export function isValidTimeZone(timezone: unknown): timezone is string {
  if (typeof timezone !== "string" || timezone === "") return false;
  let valid = validity.get(timezone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: timezone });
      // Intl accepts offsets like "+01:00" too; a project's zone must be an IANA name or UTC.
      valid = /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(timezone);
    } catch {
      valid = false;
    }
    validity.set(timezone, valid);
  }
  return valid;
}

/** The wall clock at an instant: ISO weekday (Monday = 1 … Sunday = 7) and minutes since midnight. */
export interface LocalClock {
  readonly isoWeekday: number;
  readonly minuteOfDay: number;
  /** `YYYY-MM-DDTHH:MM`, for traces. */
  readonly text: string;
}

export function localClock(instant: number, timezone: string): LocalClock {
  const offsetMinutes = tzOffset(timezone, new Date(instant));
  // Shift the instant by the zone's offset at that instant and read the result with UTC getters:
  // that is the local wall-clock reading, whatever the machine's own zone is.
  const local = new Date(instant + (Number.isFinite(offsetMinutes) ? offsetMinutes : 0) * 60_000);
  const weekday = local.getUTCDay();
  return {
    isoWeekday: weekday === 0 ? 7 : weekday,
    minuteOfDay: local.getUTCHours() * 60 + local.getUTCMinutes(),
    text: local.toISOString().slice(0, 16),
  };
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An ISO date-time as epoch milliseconds. With an offset (`Z`, `+02:00`) it is an instant; without
 * one it is a wall-clock reading in `timezone` (a time skipped by a DST change moves forward, a
 * repeated one resolves to its later occurrence). NaN when it cannot be read.
 */
export function parseDateTime(text: unknown, timezone: string): number {
  if (typeof text !== "string") return NaN;
  if (WITH_OFFSET.test(text)) return Date.parse(text);
  const m = LOCAL_DATE_TIME.exec(text);
  if (m === null) return NaN;
  const [year, month, day, hour, minute, second, ms] = m.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return NaN;
  const result = new TZDate(year, month - 1, day, hour, minute, second, ms, timezone);
  // Date rolls 31 February over into March; a schedule date that does that is a typo.
  if (result.getDate() !== day) return NaN;
  return result.getTime();
}

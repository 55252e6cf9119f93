import { isPlainObject } from "../condition/values";
import { isValidTimeZone, parseDateTime, type LocalClock } from "./time-zone";

/**
 * SPEC §4: when an experience may be shown, in the project's time zone.
 *
 * - `start` (inclusive) / `end` (exclusive): ISO date-times; without an offset they are read as
 *   wall-clock times in the project's zone.
 * - `daysOfWeek`: ISO weekdays, Monday = 1 … Sunday = 7.
 * - `timeWindow`: `from` (inclusive) – `to` (exclusive), `HH:MM` wall-clock. A window whose `to` is
 *   earlier than its `from` crosses midnight and belongs to the day it starts: with
 *   `22:00–02:00` on Thursdays, Friday 01:00 is inside (Thursday's window), Thursday 01:00 is not.
 * Absent fields do not restrict. Wall-clock reading makes DST changes behave as people expect:
 * a 09:00–17:00 window opens at 09:00 local time on both sides of a change.
 */
export interface Schedule {
  readonly start?: string;
  readonly end?: string;
  readonly daysOfWeek?: readonly number[];
  readonly timeWindow?: { readonly from: string; readonly to: string };
}

export interface CompiledSchedule {
  readonly startMs: number | null;
  readonly endMs: number | null;
  /** Bit n set when ISO weekday n is allowed; null when every day is. */
  readonly dayMask: number | null;
  readonly window: { readonly from: number; readonly to: number; readonly text: string } | null;
  /** Set when the schedule could not be read: it is never active (fail closed). */
  readonly broken: string | null;
}

export interface ScheduleResult {
  readonly passed: boolean;
  readonly reason: string;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_NAMES = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

function minutes(text: string): number {
  const m = HH_MM.exec(text);
  return m === null ? NaN : Number(m[1]) * 60 + Number(m[2]);
}

/** Save-time problems, each with the field it concerns. */
export function validateSchedule(schedule: unknown, timezone: string): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (!isValidTimeZone(timezone)) problems.push({ path: "timezone", message: `"${String(timezone)}" is not an IANA time zone` });
  if (schedule === null || schedule === undefined) return problems;
  if (!isPlainObject(schedule)) return [...problems, { path: "", message: "a schedule is an object" }];
  const zone = isValidTimeZone(timezone) ? timezone : "UTC";
  for (const key of Object.keys(schedule)) {
    if (!["start", "end", "daysOfWeek", "timeWindow"].includes(key)) problems.push({ path: key, message: `unknown schedule field "${key}"` });
  }
  const start = schedule.start === undefined ? null : parseDateTime(schedule.start, zone);
  const end = schedule.end === undefined ? null : parseDateTime(schedule.end, zone);
  if (start !== null && Number.isNaN(start)) problems.push({ path: "start", message: "start must be an ISO date-time such as 2025-06-01T09:00" });
  if (end !== null && Number.isNaN(end)) problems.push({ path: "end", message: "end must be an ISO date-time such as 2025-06-30T18:00" });
  if (start !== null && end !== null && start >= end) problems.push({ path: "end", message: "end must be after start" });
  const days = schedule.daysOfWeek;
  if (days !== undefined) {
    if (!Array.isArray(days) || days.length === 0) {
      problems.push({ path: "daysOfWeek", message: "daysOfWeek lists at least one day, 1 (Monday) to 7 (Sunday)" });
    } else {
      days.forEach((d, i) => {
        if (!Number.isInteger(d) || d < 1 || d > 7) problems.push({ path: `daysOfWeek.${i}`, message: "days are 1 (Monday) to 7 (Sunday)" });
      });
    }
  }
  const window = schedule.timeWindow;
  if (window !== undefined) {
    if (!isPlainObject(window)) {
      problems.push({ path: "timeWindow", message: 'timeWindow is {"from": "HH:MM", "to": "HH:MM"}' });
    } else {
      const from = typeof window.from === "string" ? minutes(window.from) : NaN;
      const to = typeof window.to === "string" ? minutes(window.to) : NaN;
      if (Number.isNaN(from)) problems.push({ path: "timeWindow.from", message: "from must be HH:MM, 00:00 to 23:59" });
      if (Number.isNaN(to)) problems.push({ path: "timeWindow.to", message: "to must be HH:MM, 00:00 to 23:59" });
      if (!Number.isNaN(from) && from === to) problems.push({ path: "timeWindow", message: "from and to are equal: the window would be empty" });
    }
  }
  return problems;
}

/** Null means "always active" (no schedule, or one with no restricting field). */
export function compileSchedule(schedule: unknown, timezone: string): CompiledSchedule | null {
  if (schedule === null || schedule === undefined) return null;
  const problems = validateSchedule(schedule, timezone);
  if (problems.length > 0) {
    const p = problems[0];
    return { startMs: null, endMs: null, dayMask: null, window: null, broken: `invalid schedule (${p.path || "schedule"}: ${p.message})` };
  }
  const s = schedule as Schedule;
  const startMs = s.start === undefined ? null : parseDateTime(s.start, timezone);
  const endMs = s.end === undefined ? null : parseDateTime(s.end, timezone);
  let dayMask: number | null = null;
  if (s.daysOfWeek !== undefined) {
    dayMask = 0;
    for (const d of s.daysOfWeek) dayMask |= 1 << d;
  }
  const window = s.timeWindow === undefined ? null : { from: minutes(s.timeWindow.from), to: minutes(s.timeWindow.to), text: `${s.timeWindow.from}–${s.timeWindow.to}` };
  if (startMs === null && endMs === null && dayMask === null && window === null) return null;
  return { startMs, endMs, dayMask, window, broken: null };
}

/** Does the schedule let the experience show at `now`? `clock` is the project-local wall clock at `now`. */
export function evaluateSchedule(schedule: CompiledSchedule | null, now: number, clock: () => LocalClock): ScheduleResult {
  if (schedule === null) return { passed: true, reason: "no schedule" };
  if (schedule.broken !== null) return { passed: false, reason: schedule.broken };
  if (schedule.startMs !== null && now < schedule.startMs) return { passed: false, reason: `starts at ${new Date(schedule.startMs).toISOString()}` };
  if (schedule.endMs !== null && now >= schedule.endMs) return { passed: false, reason: `ended at ${new Date(schedule.endMs).toISOString()}` };
  if (schedule.dayMask === null && schedule.window === null) return { passed: true, reason: "within start and end" };
  const local = clock();
  let day = local.isoWeekday;
  const window = schedule.window;
  if (window !== null) {
    const m = local.minuteOfDay;
    if (window.from < window.to) {
      if (m < window.from || m >= window.to) return { passed: false, reason: `outside ${window.text} (local time ${local.text})` };
    } else if (m >= window.from) {
      // The evening part of a window that crosses midnight: today's window.
    } else if (m < window.to) {
      // The small hours: the window started yesterday and counts as yesterday's.
      day = day === 1 ? 7 : day - 1;
    } else {
      return { passed: false, reason: `outside ${window.text} (local time ${local.text})` };
    }
  }
  if (schedule.dayMask !== null && (schedule.dayMask & (1 << day)) === 0) {
    const which = day === local.isoWeekday ? "" : " (the window started the day before)";
    return { passed: false, reason: `${DAY_NAMES[day]} is not a scheduled day${which} (local time ${local.text})` };
  }
  return { passed: true, reason: `active (local time ${local.text})` };
}


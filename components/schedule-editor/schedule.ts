import { TZDate } from "@date-fns/tz";
import type { Schedule } from "@/lib/engine";

/**
 * Pure helpers of the schedule editor (SPEC §4): date-times entered and shown in the project's
 * time zone and stored as ISO with the offset, weekday sets in words, and a one-line summary.
 */

export type { Schedule };

/** ISO weekdays, Monday = 1 … Sunday = 7. */
export const WEEKDAYS = [
  { day: 1, short: "Mon", long: "Monday" },
  { day: 2, short: "Tue", long: "Tuesday" },
  { day: 3, short: "Wed", long: "Wednesday" },
  { day: 4, short: "Thu", long: "Thursday" },
  { day: 5, short: "Fri", long: "Friday" },
  { day: 6, short: "Sat", long: "Saturday" },
  { day: 7, short: "Sun", long: "Sunday" },
] as const;

const WITH_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/**
 * A stored date-time as the value of an `<input type="datetime-local">` in the project's zone
 * (`2026-12-01T09:00`). A value stored without an offset is already wall-clock time there.
 * Empty when it cannot be read.
 */
export function isoToLocalInput(iso: string | undefined, timezone: string): string {
  if (iso === undefined || iso === "") return "";
  if (!WITH_OFFSET.test(iso)) {
    const m = LOCAL.exec(iso) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (m === null) return "";
    return `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? "00"}:${m[5] ?? "00"}`;
  }
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return "";
  const local = new TZDate(ms, timezone);
  return `${pad(local.getFullYear(), 4)}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}T${pad(local.getHours())}:${pad(local.getMinutes())}`;
}

/**
 * The wall-clock time typed in the project's zone as an ISO date-time with that zone's offset at
 * that moment (`2026-12-01T09:00:00+01:00`). A time skipped by a daylight-saving change moves
 * forward (02:30 on the spring-forward night becomes 03:30). Null when the input is not a date-time.
 */
export function localInputToIso(local: string, timezone: string): string | null {
  const m = LOCAL.exec(local);
  if (m === null) return null;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number);
  const date = new TZDate(year, month - 1, day, hour, minute, 0, timezone);
  if (Number.isNaN(date.getTime())) return null;
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** `[1,2,3,4,5]` → "Weekdays"; `[1,3,5]` → "Mon, Wed, Fri"; `[1,2,3,4]` → "Mon–Thu"; absent → "Every day". */
export function daysLabel(days: readonly number[] | undefined): string {
  if (days === undefined) return "Every day";
  const set = [...new Set(days)].filter((d) => Number.isInteger(d) && d >= 1 && d <= 7).sort((a, b) => a - b);
  if (set.length === 0) return "No day";
  if (set.length === 7) return "Every day";
  const key = set.join("");
  if (key === "12345") return "Weekdays";
  if (key === "67") return "Weekends";
  if (set.length === 1) return `${WEEKDAYS[set[0] - 1].long}s`;
  const runs: number[][] = [];
  for (const d of set) {
    const last = runs.at(-1);
    if (last !== undefined && last[last.length - 1] === d - 1) last.push(d);
    else runs.push([d]);
  }
  return runs
    .map((run) => {
      const first = WEEKDAYS[run[0] - 1].short;
      const end = WEEKDAYS[run[run.length - 1] - 1].short;
      if (run.length === 1) return first;
      if (run.length === 2) return `${first}, ${end}`;
      return `${first}–${end}`;
    })
    .join(", ");
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Does a valid window cross midnight (`to` before `from`)? */
export function crossesMidnight(window: { from: string; to: string } | undefined): boolean {
  if (window === undefined || !HH_MM.test(window.from) || !HH_MM.test(window.to)) return false;
  return window.to < window.from;
}

/** The window in words: "09:00–17:00", or "22:00–02:00, attributed to the day it starts". */
export function windowLabel(window: { from: string; to: string }): string {
  const range = `${window.from}–${window.to}`;
  return crossesMidnight(window) ? `${range}, attributed to the day it starts` : range;
}

/** "1 Dec 2026", or "1 Dec 2026, 09:30" when the time is not midnight, in the project's zone. */
export function dateLabel(iso: string, timezone: string): string {
  const local = isoToLocalInput(iso, timezone);
  const m = LOCAL.exec(local);
  if (m === null) return iso;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number);
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const date = `${day} ${months[month - 1]} ${year}`;
  return hour === 0 && minute === 0 ? date : `${date}, ${pad(hour)}:${pad(minute)}`;
}

/**
 * The schedule in one line: "Weekdays 09:00–17:00 Europe/Berlin, from 1 Dec 2026";
 * "Always" when nothing restricts it.
 */
export function summarizeSchedule(schedule: Schedule | null | undefined, timezone: string): string {
  const s = schedule ?? {};
  const restricted = s.start !== undefined || s.end !== undefined || s.daysOfWeek !== undefined || s.timeWindow !== undefined;
  if (!restricted) return "Always: every day, all day";
  const days = daysLabel(s.daysOfWeek);
  const when = s.timeWindow ? `${days} ${windowLabel(s.timeWindow)} ${timezone}` : `${days}, all day, ${timezone}`;
  const range: string[] = [];
  if (s.start !== undefined) range.push(`from ${dateLabel(s.start, timezone)}`);
  if (s.end !== undefined) range.push(`until ${dateLabel(s.end, timezone)}`);
  return range.length > 0 ? `${when}, ${range.join(" ")}` : when;
}

/** The schedule without fields that do not restrict (all seven days), or null when nothing is left. */
export function compactSchedule(schedule: Schedule): Schedule | null {
  const out: { -readonly [K in keyof Schedule]: Schedule[K] } = {};
  if (schedule.start !== undefined) out.start = schedule.start;
  if (schedule.end !== undefined) out.end = schedule.end;
  if (schedule.daysOfWeek !== undefined && new Set(schedule.daysOfWeek).size !== 7) out.daysOfWeek = schedule.daysOfWeek;
  if (schedule.timeWindow !== undefined) out.timeWindow = schedule.timeWindow;
  return Object.keys(out).length === 0 ? null : out;
}

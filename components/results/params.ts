// The Results tab's choices (date range and engine) as URL search params, so a view can be shared,
// and the API URLs (JSON and CSV) built from the same values.

import { ENGINES, type Engine } from "@/lib/schemas/results";

export interface ResultsParams {
  /** A day (YYYY-MM-DD) in the project's time zone; undefined = since the first exposure. */
  from?: string;
  /** A day, counted through its end; undefined = up to now. */
  to?: string;
  engine: Engine;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(value: string | null): value is string {
  if (value === null || !DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Reads `from`, `to` and `engine` from the page's search params; anything unreadable is the default. */
export function readParams(search: URLSearchParams): ResultsParams {
  const engine = ENGINES.find((e) => e === search.get("engine")) ?? "frequentist";
  const from = search.get("from");
  const to = search.get("to");
  return { from: isDay(from) ? from : undefined, to: isDay(to) ? to : undefined, engine };
}

/** The page's search params with the results' choices set (defaults removed), other params kept. */
export function writeParams(search: URLSearchParams, params: ResultsParams): URLSearchParams {
  const next = new URLSearchParams(search.toString());
  for (const [key, value] of [
    ["from", params.from],
    ["to", params.to],
    ["engine", params.engine === "frequentist" ? undefined : params.engine],
  ] as const) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

/** `?from=…&to=…&engine=…` for `GET …/results` and `…/results.csv`. */
export function apiQuery(params: ResultsParams): string {
  const qs = new URLSearchParams();
  if (params.from) qs.set("from", params.from);
  if (params.to) qs.set("to", params.to);
  qs.set("engine", params.engine);
  return `?${qs.toString()}`;
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  try {
    // en-CA formats as YYYY-MM-DD.
    return new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** A calendar day moved by `days` (negative: earlier). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const PRESETS = [
  { id: "all", label: "Since it started", days: null },
  { id: "7d", label: "Last 7 days", days: 7 },
  { id: "14d", label: "Last 14 days", days: 14 },
  { id: "30d", label: "Last 30 days", days: 30 },
] as const;
export type PresetId = (typeof PRESETS)[number]["id"] | "custom";

/** The range of a preset, ending today in the project's zone. */
export function presetRange(id: Exclude<PresetId, "custom">, today: string): { from?: string; to?: string } {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset || preset.days === null) return {};
  return { from: addDays(today, -(preset.days - 1)), to: today };
}

/** Which preset a range is, if any. */
export function presetOf(params: Pick<ResultsParams, "from" | "to">, today: string): PresetId {
  for (const preset of PRESETS) {
    const range = presetRange(preset.id, today);
    if (range.from === params.from && range.to === params.to) return preset.id;
  }
  return "custom";
}

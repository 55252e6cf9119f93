// One-line, human descriptions of audiences, schedules, display rules and metrics for lists and
// headers. They describe; the editors are where the exact value lives.

import type { Metric } from "@/lib/schemas/metrics";
import { isPlainObject, oneLine } from "./json";

const OPS: Record<string, string> = {
  $eq: "=",
  $ne: "≠",
  $gt: ">",
  $gte: "≥",
  $lt: "<",
  $lte: "≤",
  $in: "in",
  $nin: "not in",
  $ini: "in (any case)",
  $nini: "not in (any case)",
  $regex: "matches",
  $regexi: "matches (any case)",
  $exists: "exists",
  $all: "has all of",
  $size: "has size",
  $veq: "version =",
  $vne: "version ≠",
  $vgt: "version >",
  $vgte: "version ≥",
  $vlt: "version <",
  $vlte: "version ≤",
};

function value(v: unknown): string {
  return typeof v === "string" ? `"${v}"` : oneLine(v, 40);
}

function field(path: string, test: unknown): string {
  if (!isPlainObject(test) || !Object.keys(test).some((k) => k.startsWith("$")))
    return `${path} = ${value(test)}`;
  return Object.entries(test)
    .map(([op, v]) => {
      if (op === "$exists") return v ? `${path} is set` : `${path} is not set`;
      if (op === "$not") return `not (${field(path, v)})`;
      return `${path} ${OPS[op] ?? op} ${value(v)}`;
    })
    .join(" and ");
}

function condition(node: unknown): string {
  if (!isPlainObject(node)) return oneLine(node, 60);
  const parts = Object.entries(node).map(([key, v]) => {
    if (key === "$everyone") return v === true ? "Everyone" : "Nobody";
    if (key === "$and" && Array.isArray(v)) return v.map(condition).join(" and ");
    if (key === "$or" && Array.isArray(v)) return `(${v.map(condition).join(" or ")})`;
    if (key === "$nor" && Array.isArray(v)) return `none of (${v.map(condition).join(", ")})`;
    if (key === "$not") return `not (${condition(v)})`;
    if (key === "$segment") return `in segment ${value(v)}`;
    if (key === "$event" && isPlainObject(v)) {
      const within =
        isPlainObject(v.within) && typeof v.within.days === "number"
          ? ` in the last ${v.within.days} days`
          : "";
      const count = isPlainObject(v.count) ? ` ${field("", v.count).trim()} times` : "";
      return `did ${value(v.name)}${count}${within}`;
    }
    return field(key, v);
  });
  return parts.join(" and ");
}

/** "Everyone", `user.plan = "pro" and did "purchase"`, or "No audience yet". */
export function audienceSummary(audience: unknown, max = 120): string {
  if (
    audience === null ||
    audience === undefined ||
    (isPlainObject(audience) && Object.keys(audience).length === 0)
  )
    return "No audience yet";
  const text = condition(audience);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function days(list: number[]): string {
  const sorted = [...new Set(list)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  if (sorted.length === 7) return "every day";
  if (sorted.length === 5 && sorted.join() === "1,2,3,4,5") return "Mon–Fri";
  if (sorted.length === 2 && sorted.join() === "6,7") return "weekends";
  return sorted.map((d) => DAYS[d - 1]).join(", ");
}

function when(iso: string): string {
  return iso
    .replace("T", " ")
    .replace(/:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/, (m) => (m.length > 3 ? m.slice(3) : ""));
}

/** "Always", or "From 2026-12-01 09:00 · Mon–Fri · 09:00–17:00". */
export function scheduleSummary(schedule: unknown): string {
  if (!isPlainObject(schedule)) return "Always";
  const parts: string[] = [];
  if (typeof schedule.start === "string" && typeof schedule.end === "string")
    parts.push(`${when(schedule.start)} → ${when(schedule.end)}`);
  else if (typeof schedule.start === "string") parts.push(`From ${when(schedule.start)}`);
  else if (typeof schedule.end === "string") parts.push(`Until ${when(schedule.end)}`);
  if (Array.isArray(schedule.daysOfWeek))
    parts.push(days(schedule.daysOfWeek.filter((d): d is number => typeof d === "number")));
  if (isPlainObject(schedule.timeWindow))
    parts.push(`${String(schedule.timeWindow.from)}–${String(schedule.timeWindow.to)}`);
  return parts.length ? parts.join(" · ") : "Always";
}

const FREQUENCY_LABELS = {
  always: "Every time",
  once: "Once per visitor",
  once_per_visit: "Once per visit",
} as const;
const DEVICE_LABELS = { all: "All devices", mobile: "Mobile only", desktop: "Desktop only" } as const;

export function frequencyLabel(f: string): string {
  return FREQUENCY_LABELS[f as keyof typeof FREQUENCY_LABELS] ?? f;
}
export function devicesLabel(d: string): string {
  return DEVICE_LABELS[d as keyof typeof DEVICE_LABELS] ?? d;
}
export function displaySummary(display: { frequency: string; devices: string }): string {
  return `${frequencyLabel(display.frequency)} · ${devicesLabel(display.devices)}`;
}

/** "purchase · triggered" or "purchase · sum of amount". */
export function metricSummary(
  metric: Pick<Metric, "event" | "measure" | "property" | "aggregation">,
): string {
  if (metric.measure === "value")
    return `${metric.event} · ${metric.aggregation ?? "?"} of ${metric.property ?? "?"}`;
  return `${metric.event} · triggered`;
}

import type { SegmentReferrer } from "@/lib/schemas/segments";
import { ApiClientError } from "@/lib/client/api";

// Reading segments for people: a condition as one line, the `$segment` keys it names, and what
// the API says when a segment is still in use.

const SHORT_OPS: Record<string, string> = {
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
  $all: "has all",
  $alli: "has all (any case)",
  $regex: "matches",
  $regexi: "matches (any case)",
  $size: "size",
  $elemMatch: "has item",
  $type: "type",
  $veq: "version =",
  $vne: "version ≠",
  $vgt: "version >",
  $vgte: "version ≥",
  $vlt: "version <",
  $vlte: "version ≤",
  $inGroup: "in group",
  $notInGroup: "not in group",
};

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function json(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function fieldSummary(path: string, test: unknown): string {
  if (!isObject(test) || !Object.keys(test).some((k) => k.startsWith("$"))) return `${path} = ${json(test)}`;
  return Object.entries(test)
    .map(([op, v]) => {
      if (op === "$exists") return v ? `${path} exists` : `${path} is missing`;
      if (op === "$not") return `not (${fieldSummary(path, v)})`;
      return `${path} ${SHORT_OPS[op] ?? op} ${json(v)}`;
    })
    .join(" and ");
}

function eventSummary(spec: unknown): string {
  if (!isObject(spec)) return "event";
  const name = typeof spec.name === "string" ? spec.name : "?";
  const count = isObject(spec.count)
    ? Object.entries(spec.count)
        .map(([op, v]) => `${SHORT_OPS[op] ?? op} ${json(v)}`)
        .join(" ")
    : typeof spec.count === "number"
      ? `= ${spec.count}`
      : "≥ 1";
  const within = isObject(spec.within)
    ? ` in ${Object.entries(spec.within)
        .map(([unit, n]) => `${json(n)} ${unit}`)
        .join(" ")}`
    : "";
  const where = spec.where !== undefined ? " (filtered)" : "";
  return `did ${name} ${count}×${within}${where}`;
}

function summarizeNode(condition: unknown, nested: boolean): string {
  if (!isObject(condition)) return json(condition);
  const parts = Object.entries(condition).map(([key, value]) => {
    switch (key) {
      case "$everyone":
        return value === true ? "everyone" : "nobody";
      case "$segment":
        return `in ${typeof value === "string" ? value : json(value)}`;
      case "$event":
        return eventSummary(value);
      case "$not":
        return `not (${summarizeNode(value, false)})`;
      case "$and":
      case "$or":
      case "$nor": {
        const list = Array.isArray(value) ? value.map((c) => summarizeNode(c, true)) : [json(value)];
        if (key === "$nor") return `none of (${list.join(", ")})`;
        const joined = list.join(key === "$and" ? " and " : " or ");
        return nested && list.length > 1 ? `(${joined})` : joined;
      }
      default:
        return key.startsWith("$") ? `${key} ${json(value)}` : fieldSummary(key, value);
    }
  });
  const joined = parts.join(" and ");
  return nested && parts.length > 1 ? `(${joined})` : joined;
}

/** A condition as one readable line: `user.plan = "pro" or in vip-customers`. */
export function summarizeCondition(condition: unknown, max = 140): string {
  if (isObject(condition) && Object.keys(condition).length === 0) return "no condition";
  const text = summarizeNode(condition, false);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Every segment key a condition names with `$segment`, anywhere inside it. */
export function segmentRefs(condition: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(condition)) {
    for (const item of condition) segmentRefs(item, into);
  } else if (isObject(condition)) {
    for (const [key, value] of Object.entries(condition)) {
      if (key === "$segment" && typeof value === "string") into.add(value);
      else segmentRefs(value, into);
    }
  }
  return into;
}

/** The referrers a 409 names (`details.referrers`), or null when the error is something else. */
export function referrersOf(error: unknown): SegmentReferrer[] | null {
  if (!(error instanceof ApiClientError) || error.status !== 409) return null;
  const details = error.details;
  if (!isObject(details) || !Array.isArray(details.referrers)) return null;
  return details.referrers.filter(
    (r): r is SegmentReferrer => isObject(r) && (r.type === "segment" || r.type === "experience"),
  );
}

/** The cycle a 400 names (`details[0].cycle`: `["a", "b", "a"]`), or null. */
export function cycleOf(error: unknown): string[] | null {
  if (!(error instanceof ApiClientError) || !Array.isArray(error.details)) return null;
  for (const d of error.details as unknown[]) {
    if (isObject(d) && Array.isArray(d.cycle) && d.cycle.every((k) => typeof k === "string"))
      return d.cycle as string[];
  }
  return null;
}

/** A key from a name, as the API would accept it: `VIP customers` → `vip-customers`. */
export function keyFromName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim()
    .replace(/\s+/g, "-")
    .replace(/[^a-z0-9_-]/g, "")
    .replace(/-{2,}/g, "-")
    .slice(0, 100);
}

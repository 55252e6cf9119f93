import type { ConditionTrace, ExperienceTrace } from "./types";

// Words for the engine's trace, written for a marketer: "user.plan is one of "pro", "team"", not
// `{"user.plan": {"$in": [...]}}`.

const OPERATOR_WORDS: Record<string, string> = {
  "=": "is",
  $eq: "equals",
  $ne: "is not",
  $lt: "is less than",
  $lte: "is at most",
  $gt: "is greater than",
  $gte: "is at least",
  $in: "is one of",
  $nin: "is none of",
  $ini: "is one of (any case)",
  $nini: "is none of (any case)",
  $all: "contains all of",
  $alli: "contains all of (any case)",
  $size: "has a length that",
  $elemMatch: "has an item matching",
  $exists: "exists",
  $type: "is of type",
  $regex: "matches the pattern",
  $regexi: "matches the pattern (any case)",
  $not: "does not satisfy",
  $veq: "is version",
  $vne: "is not version",
  $vgt: "is a version after",
  $vgte: "is version or later than",
  $vlt: "is a version before",
  $vlte: "is version or earlier than",
  $inGroup: "is in the saved group",
  $notInGroup: "is not in the saved group",
};

/** `$gte` → "is at least"; an operator we do not know is shown as written. */
export function operatorWords(operator: string): string {
  return OPERATOR_WORDS[operator] ?? operator;
}

const COUNT_WORDS: Record<string, string> = {
  $eq: "exactly",
  $ne: "not",
  $lt: "fewer than",
  $lte: "at most",
  $gt: "more than",
  $gte: "at least",
};

/** The `count` of an `$event` condition as words: `{"$gte": 2}` → "at least 2 times". */
export function countWords(expected: unknown): string {
  if (typeof expected === "number") return timesWord(expected, "exactly");
  if (expected !== null && typeof expected === "object" && !Array.isArray(expected)) {
    const parts = Object.entries(expected).map(([op, v]) =>
      typeof v === "number" && op in COUNT_WORDS
        ? timesWord(v, COUNT_WORDS[op] ?? op)
        : `${operatorWords(op)} ${formatValue(v)}`,
    );
    if (parts.length > 0) return parts.join(" and ");
  }
  return formatValue(expected);
}

function timesWord(n: number, prefix: string): string {
  if (n === 1 && prefix === "at least") return "at least once";
  if (n === 1) return `${prefix} once`;
  return `${prefix} ${n} time${n === 1 ? "" : "s"}`;
}

/** A window in milliseconds as "30 days", "2 hours", "90 minutes". */
export function durationWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes % (60 * 24) === 0) return plural(minutes / (60 * 24), "day");
  if (minutes % 60 === 0) return plural(minutes / 60, "hour");
  return plural(minutes, "minute");
}

function plural(n: number, unit: string): string {
  return `${n.toLocaleString()} ${unit}${n === 1 ? "" : "s"}`;
}

/** A JSON value as one short line: strings quoted, long values cut with an ellipsis. */
export function formatValue(value: unknown, max = 80): string {
  if (value === undefined) return "missing";
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A value the visitor does not have: the engine reports `null`/`undefined` for a missing path. */
export function isMissing(value: unknown): boolean {
  return value === null || value === undefined;
}

/** One-line description of a condition node (no children): what it asks. */
export function nodeLabel(node: ConditionTrace): string {
  switch (node.kind) {
    case "field":
      return `${node.path} ${operatorWords(node.operator)} ${formatValue(node.expected)}`;
    case "all":
    case "and":
      return "All of these";
    case "or":
      return "Any of these";
    case "nor":
      return "None of these";
    case "not":
      return "Not";
    case "segment":
      return `In segment ${node.key}`;
    case "event": {
      const within = node.withinMs === null ? "ever" : `in the last ${durationWords(node.withinMs)}`;
      return `Did "${node.name}" ${countWords(node.expected)} ${within}`;
    }
    case "everyone":
      return "Everyone";
    case "invalid":
      return `Invalid condition at ${node.path || "the top"}`;
  }
}

/**
 * The leaf that decided a failed condition: the first failing child of an AND, the first child of
 * a failed OR (all failed), the node itself for a NOT or NOR (a child passed that should not).
 * Null when the condition passed.
 */
export function firstFailingNode(node: ConditionTrace): ConditionTrace | null {
  if (node.passed) return null;
  switch (node.kind) {
    case "all":
    case "and":
    case "or": {
      const child = node.children.find((c) => !c.passed);
      return child ? (firstFailingNode(child) ?? child) : node;
    }
    case "segment":
      return node.condition && !node.condition.passed ? (firstFailingNode(node.condition) ?? node) : node;
    default:
      return node;
  }
}

export type RuleKey = "audience" | "device" | "schedule" | "frequency";

export interface Failure {
  readonly rule: RuleKey;
  readonly text: string;
}

const DEVICE_WORDS = {
  all: "all devices",
  mobile: "mobile",
  desktop: "desktop",
  invalid: "an invalid device setting",
} as const;

/** Where the request's device came from, in words. */
export function deviceSourceWords(source: ExperienceTrace["device"]["source"]): string {
  switch (source) {
    case "request":
      return "from the request's device";
    case "userAgent":
      return "derived from the user agent";
    case "unknown":
      return "no device and no user agent";
  }
}

export function deviceWords(device: ExperienceTrace["device"]["required"] | null): string {
  return device === null ? "unknown" : DEVICE_WORDS[device];
}

/** Every rule that excluded the experience, audience first (the order the console lists them). */
export function failures(experience: ExperienceTrace): Failure[] {
  const out: Failure[] = [];
  const { audience, device, schedule, frequency } = experience;
  if (!audience.passed) {
    if (audience.status === "needs_setup")
      out.push({ rule: "audience", text: "the audience has no condition yet (needs setup)" });
    else {
      const leaf = audience.condition ? firstFailingNode(audience.condition) : null;
      out.push({ rule: "audience", text: leaf ? failureText(leaf) : "the audience did not match" });
    }
  }
  if (!device.passed) {
    out.push({
      rule: "device",
      text:
        device.required === "invalid"
          ? "the experience's device setting is invalid"
          : `only for ${deviceWords(device.required)}; the visitor is on ${deviceWords(device.actual)}`,
    });
  }
  if (!schedule.passed) out.push({ rule: "schedule", text: `schedule: ${schedule.reason}` });
  if (!frequency.passed) out.push({ rule: "frequency", text: `frequency: ${frequency.reason}` });
  return out;
}

/** Why a failing leaf failed, with the visitor's value. */
export function failureText(node: ConditionTrace): string {
  switch (node.kind) {
    case "field":
      return `${node.path} ${operatorWords(node.operator)} ${formatValue(node.expected, 40)}, but it is ${isMissing(node.actual) ? "missing" : formatValue(node.actual, 40)}`;
    case "segment":
      return node.segmentType === "unknown"
        ? `segment "${node.key}" does not exist`
        : node.segmentType === "cycle"
          ? `segment "${node.key}" refers back to itself`
          : `not in segment "${node.key}"`;
    case "event":
      return `needs “${node.name}” ${countWords(node.expected)} ${node.withinMs === null ? "(any time)" : `in the last ${durationWords(node.withinMs)}`}; the visitor did it ${node.actual === 1 ? "once" : plural(node.actual, "time")}`;
    case "everyone":
      return "everyone (should always pass)";
    case "invalid":
      return node.message;
    case "not":
      return "a NOT condition matched what it excludes";
    case "nor":
      return "one of the NONE-OF conditions matched";
    default:
      return nodeLabel(node).toLowerCase();
  }
}

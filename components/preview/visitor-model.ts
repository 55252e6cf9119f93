import { toNestErrors } from "@hookform/resolvers";
import type { FieldError, FieldErrors, Path, Resolver, UseFormSetError } from "react-hook-form";
import type { z } from "zod";
import { localClock, parseDateTime } from "@/lib/engine/rules/time-zone";
import { ApiClientError } from "@/lib/client/api";
import { inlineTestProfileSchema } from "@/lib/schemas/preview";
import { createTestProfileSchema, type TestProfile } from "@/lib/schemas/test-profiles";
import type { InlineVisitor } from "./types";

// The fictional visitor's form: what the fields hold (strings, rows), how they become a test
// profile for the API, and how the API's zod errors find their way back to the fields. The API's
// own schema (lib/schemas/test-profiles) is the judge: the form runs it before sending.

export const ATTRIBUTE_TYPES = ["string", "number", "boolean", "null", "json"] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export interface AttributeRow {
  key: string;
  type: AttributeType;
  value: string;
}

export interface AttributesField {
  mode: "rows" | "json";
  rows: AttributeRow[];
  json: string;
}

export interface EventRow {
  name: string;
  /** JSON object text; empty = no properties. */
  properties: string;
  days: string;
  hours: string;
  minutes: string;
}

export const DEVICE_CHOICES = ["unset", "mobile", "desktop"] as const;

export interface VisitorFormValues {
  name: string;
  description: string;
  userId: string;
  attributes: AttributesField;
  accountAttributes: AttributesField;
  requestAttributes: AttributesField;
  events: EventRow[];
  segments: string[];
  device: (typeof DEVICE_CHOICES)[number];
  userAgent: string;
  url: string;
  referrer: string;
  sessionId: string;
  instantMode: "now" | "at";
  /** `YYYY-MM-DDTHH:MM`, wall clock in the project's time zone. */
  instant: string;
}

export type AttributesName = "attributes" | "accountAttributes" | "requestAttributes";

const emptyAttributes = (): AttributesField => ({ mode: "rows", rows: [], json: "{}" });

export function emptyVisitor(): VisitorFormValues {
  return {
    name: "",
    description: "",
    userId: "",
    attributes: emptyAttributes(),
    accountAttributes: emptyAttributes(),
    requestAttributes: emptyAttributes(),
    events: [],
    segments: [],
    device: "unset",
    userAgent: "",
    url: "",
    referrer: "",
    sessionId: "",
    instantMode: "now",
    instant: "",
  };
}

export function emptyEvent(): EventRow {
  return { name: "", properties: "", days: "1", hours: "", minutes: "" };
}

/** What a JSON value looks like as a row: its type and its text. */
export function rowOf(key: string, value: unknown): AttributeRow {
  if (typeof value === "string") return { key, type: "string", value };
  if (typeof value === "number") return { key, type: "number", value: String(value) };
  if (typeof value === "boolean") return { key, type: "boolean", value: String(value) };
  if (value === null) return { key, type: "null", value: "" };
  return { key, type: "json", value: JSON.stringify(value) };
}

export function attributesFrom(object: Record<string, unknown>): AttributesField {
  const rows = Object.entries(object).map(([key, value]) => rowOf(key, value));
  return { mode: "rows", rows, json: JSON.stringify(object, null, 2) };
}

/** A saved test profile as form values (its instant shown in the project's zone). */
export function visitorFromTestProfile(profile: TestProfile, timezone: string): VisitorFormValues {
  const instantMs = profile.instant ? Date.parse(profile.instant) : NaN;
  return {
    name: profile.name,
    description: profile.description ?? "",
    userId: profile.userId ?? "",
    attributes: attributesFrom(profile.attributes),
    accountAttributes: attributesFrom(profile.accountAttributes),
    requestAttributes: attributesFrom(profile.requestAttributes),
    events: profile.events.map((e) => ({
      name: e.name,
      properties: e.properties && Object.keys(e.properties).length > 0 ? JSON.stringify(e.properties) : "",
      days: e.ago.days === undefined ? "" : String(e.ago.days),
      hours: e.ago.hours === undefined ? "" : String(e.ago.hours),
      minutes: e.ago.minutes === undefined ? "" : String(e.ago.minutes),
    })),
    segments: [...profile.segments],
    device: profile.device ?? "unset",
    userAgent: profile.userAgent ?? "",
    url: profile.url ?? "",
    referrer: profile.referrer ?? "",
    sessionId: profile.sessionId ?? "",
    instantMode: Number.isFinite(instantMs) ? "at" : "now",
    instant: Number.isFinite(instantMs) ? localClock(instantMs, timezone).text : "",
  };
}

/** The wall clock now in the zone, for a date-time input's first value. */
export function nowInZone(timezone: string): string {
  return localClock(Date.now(), timezone).text;
}

/** An instant (epoch ms) as the zone's wall clock, `YYYY-MM-DDTHH:MM`; empty when it is not a number. */
export function localFromInstant(ms: number, timezone: string): string {
  return Number.isFinite(ms) ? localClock(ms, timezone).text : "";
}

/** `YYYY-MM-DDTHH:MM` in the zone → ISO instant, or null when it cannot be read. */
export function instantFromLocal(text: string, timezone: string): string | null {
  const ms = parseDateTime(text, timezone);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

type Problems = Record<string, string>;

function readObjectJson(text: string, path: string, problems: Problems): Record<string, unknown> | undefined {
  if (text.trim() === "") return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === "object" && !Array.isArray(value))
      return value as Record<string, unknown>;
    problems[path] = 'Must be a JSON object, like {"plan": "pro"}.';
  } catch (error) {
    problems[path] = `Not valid JSON: ${error instanceof Error ? error.message : "cannot be read"}.`;
  }
  return undefined;
}

/** Rows → object; a bad row is reported on its value (or key) field. */
export function attributesToObject(
  field: AttributesField,
  name: AttributesName,
  problems: Problems,
): Record<string, unknown> {
  if (field.mode === "json") return readObjectJson(field.json, `${name}.json`, problems) ?? {};
  const out: Record<string, unknown> = {};
  field.rows.forEach((row, i) => {
    const key = row.key.trim();
    const at = `${name}.rows.${i}`;
    if (key === "") {
      if (row.value.trim() !== "") problems[`${at}.key`] = "Give the attribute a name.";
      return;
    }
    if (key in out) {
      problems[`${at}.key`] = `“${key}” is listed twice.`;
      return;
    }
    switch (row.type) {
      case "string":
        out[key] = row.value;
        break;
      case "number": {
        const n = Number(row.value.trim());
        if (row.value.trim() === "" || !Number.isFinite(n))
          problems[`${at}.value`] = "Must be a number, like 42 or 9.99.";
        else out[key] = n;
        break;
      }
      case "boolean":
        out[key] = row.value === "true";
        break;
      case "null":
        out[key] = null;
        break;
      case "json":
        try {
          out[key] = JSON.parse(row.value);
        } catch {
          problems[`${at}.value`] = 'Must be JSON, like ["a", "b"] or {"tier": 2}.';
        }
        break;
    }
  });
  return out;
}

function agoPart(text: string, path: string, problems: Problems): number | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  const n = Number(t);
  if (!Number.isInteger(n) || n < 0) {
    problems[path] = "A whole number, 0 or more.";
    return undefined;
  }
  return n;
}

const orNull = (text: string): string | null => (text.trim() === "" ? null : text.trim());

/**
 * The form as a test-profile body, and the problems found on the way (keyed by form path).
 * `at` is null when the form says "now".
 */
export function visitorToInput(
  values: VisitorFormValues,
  timezone: string,
): { input: InlineVisitor & { name: string }; problems: Problems } {
  const problems: Problems = {};
  const events = values.events.map((e, i) => {
    const properties = readObjectJson(e.properties, `events.${i}.properties`, problems);
    const ago = {
      days: agoPart(e.days, `events.${i}.days`, problems),
      hours: agoPart(e.hours, `events.${i}.hours`, problems),
      minutes: agoPart(e.minutes, `events.${i}.minutes`, problems),
    };
    return {
      name: e.name.trim(),
      ...(properties && Object.keys(properties).length > 0 ? { properties } : {}),
      ago: Object.fromEntries(Object.entries(ago).filter(([, v]) => v !== undefined)),
    };
  });
  let instant: string | null = null;
  if (values.instantMode === "at") {
    instant = instantFromLocal(values.instant, timezone);
    if (instant === null) problems.instant = "Pick a date and a time.";
  }
  const input = {
    name: values.name.trim(),
    description: orNull(values.description),
    userId: orNull(values.userId),
    attributes: attributesToObject(values.attributes, "attributes", problems),
    accountAttributes: attributesToObject(values.accountAttributes, "accountAttributes", problems),
    requestAttributes: attributesToObject(values.requestAttributes, "requestAttributes", problems),
    events,
    segments: values.segments,
    device: values.device === "unset" ? null : values.device,
    userAgent: orNull(values.userAgent),
    url: orNull(values.url),
    referrer: orNull(values.referrer),
    sessionId: orNull(values.sessionId),
    instant,
  };
  return { input, problems };
}

/** Where an API (or zod) error path lands in the form: `events.0.ago.days` → `events.0.days`. */
export function formPathOf(apiPath: string): string {
  const parts = apiPath.split(".").filter((p) => p !== "");
  const [head, second, third, fourth] = parts;
  if (head === undefined) return "root";
  if (head === "events" && second !== undefined) {
    if (third === "ago") return `events.${second}.${fourth ?? "days"}`;
    if (third === "properties") return `events.${second}.properties`;
    if (third === "name") return `events.${second}.name`;
    return `events.${second}.name`;
  }
  if (isAttributesName(head)) return head;
  if (head === "segments") return "segments";
  return head;
}

function capitalize(message: string): string {
  const m = message.length > 0 ? message[0].toUpperCase() + message.slice(1) : message;
  return /[.!?]$/.test(m) ? m : `${m}.`;
}

function isAttributesName(name: string): name is AttributesName {
  return name === "attributes" || name === "accountAttributes" || name === "requestAttributes";
}

/** The message for a path; an attributes error names the key the API complained about. */
function messageFor(apiPath: string, message: string): string {
  const [head, ...rest] = apiPath.split(".");
  return capitalize(
    head !== undefined && isAttributesName(head) && rest.length > 0
      ? `${rest.join(".")}: ${message}`
      : message,
  );
}

/** The preview's inline visitor: the test profile's body without name and description. */
export function inlineVisitorOf(
  input: InlineVisitor & { name?: string; description?: string | null },
): InlineVisitor {
  const { name: _name, description: _description, ...rest } = input;
  return rest;
}

function issuesToProblems(issues: readonly z.core.$ZodIssue[], problems: Problems): void {
  for (const issue of issues) {
    const apiPath = issue.path.map(String).join(".");
    const formPath = formPathOf(apiPath);
    if (!(formPath in problems)) problems[formPath] = messageFor(apiPath, issue.message);
  }
}

function toFieldErrors(problems: Problems): FieldErrors {
  const flat: Record<string, FieldError> = {};
  for (const [path, message] of Object.entries(problems)) flat[path] = { type: "validate", message };
  return flat as FieldErrors;
}

/**
 * A react-hook-form resolver: the form's own checks (JSON, numbers, dates), then the API's zod
 * schema on the body the form would send. `requireName`: saving needs a name, the preview's
 * inline visitor does not.
 */
export function visitorResolver(
  timezone: string,
  { requireName }: { requireName: boolean },
): Resolver<VisitorFormValues> {
  return async (values, _context, options) => {
    const { input, problems } = visitorToInput(values, timezone);
    const parsed = requireName
      ? createTestProfileSchema.safeParse(input)
      : inlineTestProfileSchema.safeParse(inlineVisitorOf(input));
    if (!parsed.success) issuesToProblems(parsed.error.issues, problems);
    if (Object.keys(problems).length > 0)
      return { values: {}, errors: toNestErrors(toFieldErrors(problems), options) };
    return { values, errors: {} };
  };
}

/** The API's field errors (`details: [{ path, message }]`) as form problems; empty when there are none. */
export function serverProblems(error: unknown): Problems {
  const problems: Problems = {};
  if (!(error instanceof ApiClientError)) return problems;
  for (const [path, message] of Object.entries(error.fieldErrors())) {
    const apiPath = path.replace(/^profile\./, "");
    const formPath = formPathOf(apiPath);
    if (!(formPath in problems)) problems[formPath] = messageFor(apiPath, message);
  }
  return problems;
}

/** A short line describing the visitor, for lists and pickers. */
export function describeVisitor(
  profile: Pick<TestProfile, "userId" | "device" | "events" | "segments" | "attributes">,
): string {
  const parts: string[] = [];
  parts.push(profile.userId ? `user ${profile.userId}` : "anonymous");
  if (profile.device) parts.push(profile.device);
  const attrs = Object.keys(profile.attributes).length;
  if (attrs > 0) parts.push(`${attrs} attribute${attrs === 1 ? "" : "s"}`);
  if (profile.events.length > 0)
    parts.push(`${profile.events.length} event${profile.events.length === 1 ? "" : "s"}`);
  if (profile.segments.length > 0) parts.push(`in ${profile.segments.join(", ")}`);
  return parts.join(" · ");
}

/** Puts problems (form path → message) on the form's fields; returns how many were placed. */
export function applyVisitorProblems(
  setError: UseFormSetError<VisitorFormValues>,
  problems: Problems,
): number {
  const entries = Object.entries(problems);
  entries.forEach(([path, message], i) =>
    setError(path as Path<VisitorFormValues>, { type: "server", message }, { shouldFocus: i === 0 }),
  );
  return entries.length;
}

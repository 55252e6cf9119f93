// Validation problems from the API (`details: [{ path, message, experienceId? }]`) and where in the
// console each one is fixed, so a list of them can link to the exact field.

import { ApiClientError } from "@/lib/client/api";

export type ApiProblem = { path: string; message: string; experienceId?: string };

export function apiProblems(error: unknown): ApiProblem[] {
  if (!(error instanceof ApiClientError) || !Array.isArray(error.details)) return [];
  return error.details.flatMap((d: unknown) => {
    if (typeof d !== "object" || d === null) return [];
    const { path, message, experienceId } = d as Record<string, unknown>;
    if (typeof path !== "string" || typeof message !== "string") return [];
    return [{ path, message, ...(typeof experienceId === "string" ? { experienceId } : {}) }];
  });
}

export type ExperienceField = "name" | "payload" | "audience" | "display" | "schedule";

export type ProblemTarget =
  | { area: "basics"; field: "name" | "description" | "type" }
  | { area: "experiences"; index?: number; field?: ExperienceField; rest?: string }
  | { area: "metrics"; index?: number; field?: string }
  | { area: "control" }
  | { area: "delivery"; field: "selector" | "groups" }
  | { area: "other" };

const EXPERIENCE_FIELDS: readonly ExperienceField[] = ["name", "payload", "audience", "display", "schedule"];

export function problemTarget(path: string): ProblemTarget {
  const parts = path.split(".");
  const [head, second, third] = parts;
  switch (head) {
    case "name":
    case "description":
    case "type":
      return { area: "basics", field: head };
    case "controlPercent":
      return { area: "control" };
    case "selector":
    case "groups":
      return { area: "delivery", field: head };
    case "metrics":
      return second !== undefined && /^\d+$/.test(second)
        ? { area: "metrics", index: Number(second), field: third }
        : { area: "metrics" };
    case "experiences": {
      if (second === undefined || !/^\d+$/.test(second)) return { area: "experiences" };
      // The create flow's form holds the payload as text (`payloadText`): same field for the user.
      const name = third === "payloadText" ? "payload" : third;
      const field = EXPERIENCE_FIELDS.find((f) => f === name);
      return {
        area: "experiences",
        index: Number(second),
        field,
        rest: parts.slice(3).join(".") || undefined,
      };
    }
    default:
      return { area: "other" };
  }
}

const FIELD_LABELS: Record<ExperienceField, string> = {
  name: "Name",
  payload: "Payload",
  audience: "Audience",
  display: "Display",
  schedule: "Schedule",
};

/** "Experience 2 · Payload › hero.title", "Metrics", "Control size"… */
export function problemWhere(path: string, experienceName?: (index: number) => string | undefined): string {
  const t = problemTarget(path);
  switch (t.area) {
    case "basics":
      return t.field === "name" ? "Name" : t.field === "description" ? "Description" : "Type";
    case "control":
      return "Control size";
    case "delivery":
      return t.field === "selector" ? "API selector" : "Selector groups";
    case "metrics":
      return t.index === undefined ? "Metrics" : `Metric ${t.index + 1}${t.field ? ` · ${t.field}` : ""}`;
    case "experiences": {
      if (t.index === undefined) return "Experiences";
      const name = experienceName?.(t.index);
      const head = `Experience ${t.index + 1}${name ? ` “${name}”` : ""}`;
      if (!t.field) return head;
      return `${head} · ${FIELD_LABELS[t.field]}${t.rest ? ` › ${t.rest}` : ""}`;
    }
    default:
      return path;
  }
}

/** Start's messages name the experience already; drop that prefix where the link says it. */
export function problemMessage(message: string): string {
  return message.replace(/^experience "[^"]*"(: | )/, "").replace(/^./, (c) => c.toUpperCase());
}

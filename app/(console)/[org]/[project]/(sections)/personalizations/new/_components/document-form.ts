// The create flow's form: what the user edits, how it becomes the personalization document, and
// how the API's schema (the very one `POST …/personalizations` parses with) reports on it.

import { toNestErrors } from "@hookform/resolvers";
import type { FieldError, Resolver } from "react-hook-form";
import { parseJsonText, prettyJson } from "@/components/personalizations/json";
import { rowToMetric, type MetricRow } from "@/components/personalizations/metrics";
import type { AudienceValue, DisplayValue, ScheduleValue } from "@/components/personalizations/slots";
import { personalizationDocumentSchema } from "@/lib/schemas/personalization-document";
import type { Personalization } from "@/lib/schemas/personalizations";

export type ExperienceDraft = {
  /** The saved experience, once the draft exists (PATCH keeps it by id). */
  id?: string;
  /** A stable key for React and for links, independent of the position. */
  key: string;
  name: string;
  payloadText: string;
  audience: AudienceValue;
  display: DisplayValue;
  schedule: ScheduleValue;
  /** The template the payload was copied from, shown as a hint. */
  templateName?: string;
};

export type DocumentFormValues = {
  name: string;
  selector: string;
  description: string;
  controlPercent: number;
  groups: string[];
  metrics: MetricRow[];
  experiences: ExperienceDraft[];
};

let counter = 0;
export function newKey(): string {
  counter += 1;
  return `x${Date.now().toString(36)}${counter}`;
}

export function newExperience(position: number, from?: { name: string; payload: unknown }): ExperienceDraft {
  return {
    key: newKey(),
    name: from?.name ?? `Experience ${position}`,
    payloadText: prettyJson(from?.payload ?? {}),
    audience: null,
    display: { frequency: "always", devices: "all" },
    schedule: null,
    templateName: from?.name,
  };
}

export const defaultValues: DocumentFormValues = {
  name: "",
  selector: "",
  description: "",
  controlPercent: 5,
  groups: [],
  metrics: [],
  experiences: [],
};

type ExperienceDocument = {
  id?: string;
  name: string;
  payload: unknown;
  audience: AudienceValue;
  display: DisplayValue;
  schedule: ScheduleValue;
};

/** The document (with ids once saved); payloads that are not JSON become errors on their editor. */
export function toDocument(values: DocumentFormValues): {
  document: Record<string, unknown>;
  payloadErrors: Record<string, string>;
} {
  const payloadErrors: Record<string, string> = {};
  const experiences: ExperienceDocument[] = values.experiences.map((e, i) => {
    const parsed = parseJsonText(e.payloadText);
    if (!parsed.ok) payloadErrors[`experiences.${i}.payloadText`] = `Payload ${parsed.message}`;
    return {
      ...(e.id ? { id: e.id } : {}),
      name: e.name,
      payload: parsed.ok ? parsed.value : {},
      audience: e.audience,
      display: e.display,
      schedule: e.schedule && Object.keys(e.schedule).length > 0 ? e.schedule : null,
    };
  });
  const description = values.description.trim();
  return {
    document: {
      name: values.name,
      selector: values.selector,
      type: "server_side",
      description: description ? description : null,
      controlPercent: values.controlPercent,
      groups: values.groups,
      metrics: values.metrics.map(rowToMetric),
      experiences,
    },
    payloadErrors,
  };
}

/** Where an API or schema path (`experiences.1.payload.hero.title`) is edited in this form. */
export function formPath(path: string): string {
  const exp = /^experiences\.(\d+)\.(payload|audience|schedule|display|name)\b/.exec(path);
  if (exp) return `experiences.${exp[1]}.${exp[2] === "payload" ? "payloadText" : exp[2]}`;
  const metric = /^metrics\.(\d+)\.(event|measure|property|aggregation|primary)\b/.exec(path);
  if (metric) return `metrics.${metric[1]}.${metric[2]}`;
  if (path.startsWith("metrics")) return "metrics";
  if (path.startsWith("groups")) return "groups";
  if (path.startsWith("experiences")) return "experiences";
  return path.split(".")[0] ?? path;
}

/** Errors as react-hook-form wants them, from the API's schema: exactly what the server would say. */
export const documentResolver: Resolver<DocumentFormValues> = (values, _context, options) => {
  const { document, payloadErrors } = toDocument(values);
  const errors: Record<string, FieldError> = {};
  for (const [path, message] of Object.entries(payloadErrors)) errors[path] = { type: "json", message };
  const parsed = personalizationDocumentSchema.safeParse(document);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = formPath(issue.path.map(String).join("."));
      if (!(path in errors)) errors[path] = { type: issue.code, message: issue.message };
    }
  }
  if (Object.keys(errors).length === 0) return { values, errors: {} };
  return { values: {}, errors: toNestErrors(errors, options) };
};

/** After a save, give every row the id the server assigned so the next save keeps them. */
export function withSavedIds(
  values: DocumentFormValues,
  saved: Personalization,
): Pick<DocumentFormValues, "experiences" | "metrics"> {
  return {
    experiences: values.experiences.map((e, i) => ({ ...e, id: saved.experiences[i]?.id ?? e.id })),
    metrics: values.metrics.map((m, i) => ({ ...m, id: saved.metrics[i]?.id ?? m.id })),
  };
}

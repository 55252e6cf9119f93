import { z } from "zod";
import "zod-openapi";

export const MEASURES = ["triggered", "value"] as const;
export const AGGREGATIONS = ["first", "last", "sum", "avg", "max", "min"] as const;
export const MAX_METRICS = 50;

const eventNameSchema = z
  .string({ error: "must be an event name" })
  .trim()
  .min(1, "must not be empty")
  .max(200, "must be at most 200 characters");

const metricFields = {
  event: eventNameSchema.meta({ example: "purchase" }),
  measure: z.enum(MEASURES, { error: `must be one of ${MEASURES.join(", ")}` }),
  property: z.string({ error: "must be a property name" }).trim().min(1, "must not be empty").max(200).nullable().optional(),
  aggregation: z.enum(AGGREGATIONS, { error: `must be one of ${AGGREGATIONS.join(", ")}` }).nullable().optional(),
  primary: z.boolean({ error: "must be true or false" }).default(false),
};

type MetricShape = { measure: (typeof MEASURES)[number]; property?: string | null; aggregation?: string | null };

function measureRules(m: MetricShape, ctx: z.RefinementCtx): void {
  if (m.measure === "value") {
    if (!m.property) ctx.addIssue({ code: "custom", path: ["property"], message: 'is required when measure is "value": the event property to aggregate' });
    if (!m.aggregation) ctx.addIssue({ code: "custom", path: ["aggregation"], message: `is required when measure is "value": one of ${AGGREGATIONS.join(", ")}` });
  } else {
    if (m.property) ctx.addIssue({ code: "custom", path: ["property"], message: 'is only for measure "value"; a "triggered" metric counts whether the event happened' });
    if (m.aggregation) ctx.addIssue({ code: "custom", path: ["aggregation"], message: 'is only for measure "value"' });
  }
}

/**
 * A conversion goal (SPEC §1). `triggered`: did the user do `event`; `value`: `property` of the
 * event aggregated per user by `aggregation`.
 */
export const metricDocumentSchema = z.object(metricFields).superRefine(measureRules).meta({ id: "MetricDocument" });
export type MetricDocumentInput = z.output<typeof metricDocumentSchema>;

/** In a `PATCH`, an entry with `id` keeps that metric (and its results). */
export const metricPatchEntrySchema = z
  .object({ ...metricFields, id: z.string().optional().meta({ description: "An existing metric to keep; absent → a new one." }) })
  .superRefine(measureRules)
  .meta({ id: "MetricPatchEntry" });
export type MetricPatchEntry = z.output<typeof metricPatchEntrySchema>;

function onePrimary<T extends { primary: boolean }>(metrics: T[], ctx: z.RefinementCtx): void {
  const primaries = metrics.flatMap((m, i) => (m.primary ? [i] : []));
  for (const i of primaries.slice(1)) {
    ctx.addIssue({ code: "custom", path: [i, "primary"], message: `only one metric can be primary (metric ${primaries[0]} already is)` });
  }
}

/** The metrics of a document: at most one primary here; exactly one is required to start. */
export const metricsSchema = z
  .array(metricDocumentSchema, { error: "must be an array of metrics" })
  .max(MAX_METRICS, `at most ${MAX_METRICS} metrics`)
  .superRefine(onePrimary);

export const metricsPatchSchema = z
  .array(metricPatchEntrySchema, { error: "must be an array of metrics" })
  .max(MAX_METRICS, `at most ${MAX_METRICS} metrics`)
  .superRefine(onePrimary);

export const exportedMetricSchema = z
  .object({
    event: z.string(),
    measure: z.enum(MEASURES),
    property: z.string().optional(),
    aggregation: z.enum(AGGREGATIONS).optional(),
    primary: z.boolean(),
  })
  .meta({ id: "ExportedMetric" });
export type ExportedMetric = z.output<typeof exportedMetricSchema>;

export const metricSchema = z
  .object({
    id: z.string().meta({ example: "met_2Vb9…" }),
    event: z.string(),
    measure: z.enum(MEASURES),
    property: z.string().nullable(),
    aggregation: z.enum(AGGREGATIONS).nullable(),
    primary: z.boolean(),
  })
  .meta({ id: "Metric" });
export type Metric = z.output<typeof metricSchema>;

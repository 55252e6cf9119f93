import { z } from "zod";
import "zod-openapi";
import { isoDateTime } from "./common";
import { MAX_EXPERIENCES, experiencePatchEntrySchema, experienceSchema } from "./experiences";
import { metricSchema, metricsPatchSchema } from "./metrics";
import {
  controlPercentSchema,
  descriptionSchema,
  groupsSchema,
  personalizationNameSchema,
  selectorSchema,
} from "./personalization-document";

export const PERSONALIZATION_STATUSES = ["draft", "running", "paused", "archived"] as const;
export type PersonalizationStatus = (typeof PERSONALIZATION_STATUSES)[number];
export const personalizationStatusSchema = z.enum(PERSONALIZATION_STATUSES, {
  error: `must be one of ${PERSONALIZATION_STATUSES.join(", ")}`,
});

/** A personalization as the API reads it back: the document plus ids, status, version and times. */
export const personalizationSchema = z
  .object({
    id: z.string().meta({ example: "per_9sXk…" }),
    name: z.string(),
    selector: z.string(),
    type: z.literal("server_side"),
    description: z.string().nullable(),
    status: z.enum(PERSONALIZATION_STATUSES),
    controlPercent: z.number().int(),
    version: z.number().int().meta({ description: "Bumped by every write; send it back with the next write (or as `If-Match`)." }),
    groups: z.array(z.string()).meta({ description: "Selector group names, alphabetical." }),
    metrics: z.array(metricSchema),
    experiences: z.array(experienceSchema).meta({ description: "In priority order." }),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    startedAt: isoDateTime.nullable(),
    pausedAt: isoDateTime.nullable(),
    archivedAt: isoDateTime.nullable(),
  })
  .meta({ id: "Personalization" });
export type Personalization = z.output<typeof personalizationSchema>;

/** One row of the list: what the console's personalizations table shows. */
export const personalizationSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    selector: z.string(),
    type: z.literal("server_side"),
    status: z.enum(PERSONALIZATION_STATUSES),
    controlPercent: z.number().int(),
    version: z.number().int(),
    groups: z.array(z.string()),
    experienceCount: z.number().int(),
    primaryMetric: metricSchema.nullable(),
    exposures7d: z.number().int().meta({
      description: "Distinct profiles first exposed to one of its experiences in the last 7 days (rolling, up to now).",
      example: 1280,
    }),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: "PersonalizationSummary" });
export type PersonalizationSummary = z.output<typeof personalizationSummarySchema>;

export const personalizationListSchema = z
  .object({ personalizations: z.array(personalizationSummarySchema) })
  .meta({ id: "PersonalizationList" });

export const listPersonalizationsQuerySchema = z.object({
  status: personalizationStatusSchema.optional().meta({ description: "Only this status. Archived ones are listed only when asked for." }),
  group: z.string().optional().meta({ description: "Only members of this selector group (by name)." }),
});

/**
 * `PATCH …/personalizations/{id}`: a partial document. `version` (or `If-Match`) is required.
 * `experiences` and `metrics`, when present, are the whole new lists: entries with an `id` keep
 * that experience or metric, entries without are new, and the ones left out are removed.
 */
export const updatePersonalizationSchema = z
  .object({
    version: z
      .number({ error: "must be the personalization's current version (a positive integer)" })
      .int("must be a positive integer")
      .positive("must be a positive integer")
      .optional()
      .meta({ description: "The version you last read; required here or as the `If-Match` header. Stale → 409." }),
    name: personalizationNameSchema.optional(),
    selector: selectorSchema.optional(),
    type: z.literal("server_side", { error: 'must be "server_side"' }).optional(),
    description: descriptionSchema.optional(),
    controlPercent: controlPercentSchema.optional(),
    groups: groupsSchema.optional(),
    metrics: metricsPatchSchema.optional(),
    experiences: z
      .array(experiencePatchEntrySchema, { error: "must be an array of experiences" })
      .max(MAX_EXPERIENCES, `at most ${MAX_EXPERIENCES} experiences`)
      .optional(),
  })
  .meta({ id: "UpdatePersonalization" });
export type UpdatePersonalizationInput = z.output<typeof updatePersonalizationSchema>;

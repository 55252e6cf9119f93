import { z } from "zod";
import "zod-openapi";
import { nameSchema } from "../validation/names";
import { MAX_EXPERIENCES, experienceDocumentSchema, exportedExperienceSchema } from "./experiences";
import { exportedMetricSchema, metricsSchema } from "./metrics";

export const MAX_GROUPS = 50;

export const personalizationNameSchema = z
  .string({ error: "must be a string" })
  .trim()
  .min(1, "must not be empty")
  .max(200, "must be at most 200 characters");

export const selectorSchema = nameSchema("Selector").meta({
  description: "The name choose-api asks for: `^[a-zA-Z0-9_-]+$`, unique in the project.",
  example: "welcome-back",
});

export const groupNameSchema = nameSchema("Group name").meta({ example: "homepage" });

/** Group names, each once; a group that does not exist yet is created (the document is self-contained). */
export const groupsSchema = z
  .array(groupNameSchema, { error: "must be an array of group names" })
  .max(MAX_GROUPS, `at most ${MAX_GROUPS} groups`)
  .transform((names) => [...new Set(names)]);

export const controlPercentSchema = z
  .number({ error: "must be a whole number from 0 to 99" })
  .int("must be a whole number from 0 to 99")
  .min(0, "must be from 0 to 99")
  .max(99, "must be from 0 to 99 (100% control would show nobody a payload)")
  .meta({ description: "Share of traffic that sees the original page (no payload); 5 is recommended.", example: 5 });

export const descriptionSchema = z.string({ error: "must be a string" }).max(2000, "must be at most 2000 characters").nullable();

/**
 * The personalization document of SPEC §6.3: the body of `POST …/personalizations`, what `import`
 * takes and (fully filled in) what `export` returns. The order of `experiences` is their priority.
 */
export const personalizationDocumentSchema = z
  .object({
    name: personalizationNameSchema.meta({ example: "Welcome back" }),
    selector: selectorSchema
      .optional()
      .meta({ description: "Defaults from `name` (lower-case, spaces → `-`, other characters dropped; `-2`, `-3`… if taken)." }),
    type: z.literal("server_side", { error: 'must be "server_side"' }).default("server_side"),
    description: descriptionSchema.optional(),
    controlPercent: controlPercentSchema.default(5),
    groups: groupsSchema.default([]),
    metrics: metricsSchema.default([]),
    experiences: z
      .array(experienceDocumentSchema, { error: "must be an array of experiences" })
      .max(MAX_EXPERIENCES, `at most ${MAX_EXPERIENCES} experiences`)
      .optional()
      .meta({ description: "In priority order (first = 1). Absent → one empty experience (`needs_setup`)." }),
    version: z.number().int().positive().optional().meta({ description: "Ignored on create and import (a new or imported personalization has its own)." }),
  })
  .meta({ id: "PersonalizationDocument" });
export type PersonalizationDocumentInput = z.output<typeof personalizationDocumentSchema>;

/** What `export` returns: self-contained, no ids, no version — import it into any project. */
export const exportedDocumentSchema = z
  .object({
    name: z.string(),
    selector: z.string(),
    type: z.literal("server_side"),
    description: z.string().optional(),
    controlPercent: z.number().int(),
    groups: z.array(z.string()),
    metrics: z.array(exportedMetricSchema),
    experiences: z.array(exportedExperienceSchema),
  })
  .meta({ id: "PersonalizationExport" });
export type ExportedDocument = z.output<typeof exportedDocumentSchema>;

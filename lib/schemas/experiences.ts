import { z } from "zod";
import "zod-openapi";
import { isoDateTime } from "./common";

/** SPEC §5: a payload is any JSON value up to 64 KiB, serialized. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;
/** Experiences per personalization; more would be a configuration nobody can reason about. */
export const MAX_EXPERIENCES = 100;

export const FREQUENCIES = ["always", "once", "once_per_visit"] as const;
export const DEVICES = ["all", "mobile", "desktop"] as const;
export const EXPERIENCE_STATUSES = ["needs_setup", "ready"] as const;

function serializedBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? "").length;
}

/** Any JSON value; every string in it is a Liquid template (syntax checked when saved). */
export const payloadSchema = z
  .unknown()
  .superRefine((value, ctx) => {
    if (value === undefined) return;
    const bytes = serializedBytes(value);
    if (bytes > MAX_PAYLOAD_BYTES) {
      ctx.addIssue({ code: "custom", message: `is ${bytes} bytes serialized; a payload may be at most ${MAX_PAYLOAD_BYTES} bytes (64 KiB)` });
    }
  })
  .meta({
    id: "Payload",
    description:
      "Any JSON value up to 64 KiB serialized. Every string in it is a Liquid template rendered per visitor (`{{ attribute.user.first_name | default: \"there\" }}`); a syntax error is a 400 naming its JSON path.",
    example: { title: "Welcome back, {{ attribute.user.first_name | default: \"there\" }}!" },
  });

/** A SPEC §3 condition; checked structurally when saved (operators, regexes, segment keys). */
export const audienceSchema = z
  .record(z.string(), z.unknown(), { error: "must be a condition object, or null" })
  .nullable()
  .meta({
    id: "Audience",
    description:
      'A condition in GrowthBook\'s MongoDB-style language plus `$segment`, `$event` and `$everyone`. `null` or `{}` means not set up yet (`needs_setup`); `{"$everyone": true}` targets every visitor.',
    example: { $and: [{ "user.plan": "lapsed" }, { $event: { name: "purchase", count: { $gte: 2 }, within: { days: 30 } } }] },
  });

export const frequencySchema = z.enum(FREQUENCIES, { error: `must be one of ${FREQUENCIES.join(", ")}` });
export const devicesSchema = z.enum(DEVICES, { error: `must be one of ${DEVICES.join(", ")}` });

/** Display rules as read back: both fields always present. */
export const displaySchema = z
  .object({ frequency: frequencySchema, devices: devicesSchema })
  .meta({ id: "Display", description: "How often one visitor may see the experience, and on which devices." });

/** Display rules as written: absent fields keep their current value (or the default on creation: `always`, `all`). */
export const displayInputSchema = z
  .object({ frequency: frequencySchema.optional(), devices: devicesSchema.optional() }, { error: "must be an object" })
  .meta({ id: "DisplayInput" });

/**
 * SPEC §4. The JSON types are checked here; the content (date-times, weekdays, `HH:MM`, start
 * before end, in the project's time zone) by the engine's `validateSchedule`, which also reports
 * unknown fields — hence a loose object.
 */
export const scheduleSchema = z
  .looseObject(
    {
      start: z.string({ error: "must be an ISO date-time string" }).optional().meta({
        description: "Inclusive. Without an offset it is wall-clock time in the project's time zone.",
        example: "2026-12-01T09:00",
      }),
      end: z.string({ error: "must be an ISO date-time string" }).optional().meta({ description: "Exclusive.", example: "2026-12-24T18:00" }),
      daysOfWeek: z
        .array(z.number({ error: "must be a day number, 1 (Monday) to 7 (Sunday)" }), { error: "must be an array of days, 1 (Monday) to 7 (Sunday)" })
        .optional()
        .meta({ description: "ISO weekdays, Monday = 1 … Sunday = 7.", example: [1, 2, 3, 4, 5] }),
      timeWindow: z
        .object({ from: z.string({ error: "must be HH:MM" }), to: z.string({ error: "must be HH:MM" }) }, { error: 'must be {"from": "HH:MM", "to": "HH:MM"}' })
        .optional()
        .meta({ description: "Wall-clock window; `to` before `from` crosses midnight (attributed to the day it starts)." }),
    },
    { error: "must be a schedule object" },
  )
  .meta({ id: "Schedule", description: "When the experience may show, in the project's time zone. Absent fields do not restrict; `{}` is always." });

export const experienceNameSchema = z
  .string({ error: "must be a string" })
  .trim()
  .min(1, "must not be empty")
  .max(200, "must be at most 200 characters");

/** An experience in a personalization document; its position in `experiences` is its priority. */
export const experienceDocumentSchema = z
  .object({
    name: experienceNameSchema.optional().meta({ description: 'Defaults to "Experience N".' }),
    payload: payloadSchema.optional(),
    audience: audienceSchema.optional(),
    display: displayInputSchema.optional(),
    schedule: scheduleSchema.nullable().optional(),
  })
  .meta({ id: "ExperienceDocument" });
export type ExperienceDocumentInput = z.output<typeof experienceDocumentSchema>;

/** In a `PATCH` of a personalization, an entry with `id` keeps that experience (and its results). */
export const experiencePatchEntrySchema = experienceDocumentSchema
  .extend({
    id: z.string().optional().meta({ description: "An existing experience to keep (its exposures and results stay attached); absent → a new one." }),
  })
  .meta({ id: "ExperiencePatchEntry" });
export type ExperiencePatchEntry = z.output<typeof experiencePatchEntrySchema>;

/** An experience as exported: every field present, nothing project-specific. */
export const exportedExperienceSchema = z
  .object({
    name: z.string(),
    payload: z.unknown().meta({ description: "Any JSON value." }),
    audience: z.record(z.string(), z.unknown()).nullable(),
    display: displaySchema,
    schedule: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "ExportedExperience" });
export type ExportedExperience = z.output<typeof exportedExperienceSchema>;

/** An experience as the API reads it back. */
export const experienceSchema = exportedExperienceSchema
  .extend({
    id: z.string().meta({ example: "exp_4nQ8…" }),
    priority: z.number().int().meta({ description: "1 is the highest." }),
    status: z.enum(EXPERIENCE_STATUSES).meta({ description: "`needs_setup` until the audience has at least one condition, then `ready`." }),
    templateId: z.string().nullable().meta({ description: "The template it was started from, if any (its payload was copied)." }),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: "Experience" });
export type Experience = z.output<typeof experienceSchema>;

const versionField = z
  .number({ error: "must be the personalization's current version (a positive integer)" })
  .int("must be a positive integer")
  .positive("must be a positive integer")
  .meta({ description: "The personalization's version you last read; stale → 409. Absent → applied without the check.", example: 3 });
export const optionalVersionSchema = versionField.optional();

export const createExperienceSchema = experienceDocumentSchema
  .extend({
    templateId: z.string().optional().meta({ description: "Start from this template: its payload is copied (not linked). Exclusive with `payload`." }),
    version: optionalVersionSchema,
  })
  .meta({ id: "CreateExperience" });
export type CreateExperienceInput = z.output<typeof createExperienceSchema>;

export const updateExperienceSchema = z
  .object({
    name: experienceNameSchema.optional(),
    payload: payloadSchema.optional(),
    audience: audienceSchema.optional(),
    display: displayInputSchema.optional(),
    schedule: scheduleSchema.nullable().optional(),
    version: optionalVersionSchema,
  })
  .meta({ id: "UpdateExperience", description: "Only the fields present change; `display` merges field by field." });
export type UpdateExperienceInput = z.output<typeof updateExperienceSchema>;

export const reorderExperiencesSchema = z
  .object({
    experienceIds: z
      .array(z.string({ error: "must be an experience id" }), { error: "must be the array of every experience id, highest priority first" })
      .min(1, "must list every experience of the personalization"),
    version: optionalVersionSchema,
  })
  .meta({ id: "ReorderExperiences", description: "The whole new order, highest priority first: exactly the personalization's current experiences." });
export type ReorderExperiencesInput = z.output<typeof reorderExperiencesSchema>;

export const duplicateExperienceSchema = z
  .object({
    name: experienceNameSchema.optional().meta({ description: 'Defaults to "<name> (copy)".' }),
    version: optionalVersionSchema,
  })
  .meta({ id: "DuplicateExperience" });
export type DuplicateExperienceInput = z.output<typeof duplicateExperienceSchema>;

/** The optional body of writes that need nothing else (delete, lifecycle). */
export const versionOnlySchema = z.object({ version: optionalVersionSchema }).meta({ id: "VersionCheck" });

/** What an experience write answers: the experience as saved and the personalization's new version. */
export const experienceWriteResultSchema = z
  .object({
    experience: experienceSchema,
    version: z.number().int().meta({ description: "The personalization's version after this write; send it with the next one." }),
  })
  .meta({ id: "ExperienceWriteResult" });
export type ExperienceWriteResult = z.output<typeof experienceWriteResultSchema>;

export const versionResultSchema = z
  .object({ version: z.number().int().meta({ description: "The personalization's version after this write." }) })
  .meta({ id: "VersionResult" });

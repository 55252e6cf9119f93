import { z } from "zod";
import "zod-openapi";
import { isoDateTime } from "./common";
import { payloadSchema } from "./experiences";

export const templateNameSchema = z
  .string({ error: "must be a string" })
  .trim()
  .min(1, "must not be empty")
  .max(200, "must be at most 200 characters")
  .meta({ description: "Unique in the project.", example: "Hero banner" });

const descriptionSchema = z.string({ error: "must be a string" }).max(2000, "must be at most 2000 characters").nullable();

export const createTemplateSchema = z
  .object({
    name: templateNameSchema,
    description: descriptionSchema.optional(),
    payload: payloadSchema.meta({ description: "Any JSON value up to 64 KiB; strings are Liquid templates (syntax checked)." }),
  })
  .meta({ id: "CreateTemplate" });
export type CreateTemplateInput = z.output<typeof createTemplateSchema>;

export const updateTemplateSchema = z
  .object({ name: templateNameSchema.optional(), description: descriptionSchema.optional(), payload: payloadSchema.optional() })
  .meta({ id: "UpdateTemplate", description: "Only the fields present change. Experiences started from the template keep their copy." });
export type UpdateTemplateInput = z.output<typeof updateTemplateSchema>;

/** `POST …/experiences/{experienceId}/template`: the experience's payload saved as a new template. */
export const saveAsTemplateSchema = z
  .object({ name: templateNameSchema, description: descriptionSchema.optional() })
  .meta({ id: "SaveAsTemplate" });
export type SaveAsTemplateInput = z.output<typeof saveAsTemplateSchema>;

export const templateSchema = z
  .object({
    id: z.string().meta({ example: "tpl_7Hk2…" }),
    name: z.string(),
    description: z.string().nullable(),
    payload: z.unknown().meta({ description: "Any JSON value." }),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: "Template" });
export type Template = z.output<typeof templateSchema>;

export const templateListSchema = z.object({ templates: z.array(templateSchema) }).meta({ id: "TemplateList" });

import { z } from "zod";
import { nameSchema, timeZoneSchema } from "../validation/names";

// The project settings contract, importable by the console's form: lib/services/projects/
// update-project.ts declares the same schema next to its database code, which must not reach the
// browser bundle. projects.test.ts keeps the two in step.

// No OpenAPI ids here: the document is generated from the service's schemas, and one id must name one schema.
export const updateProjectSchema = z.object({
  name: nameSchema("Project name").optional(),
  timezone: timeZoneSchema.optional(),
});
export type UpdateProjectInput = z.input<typeof updateProjectSchema>;

export const projectSchema = z.object({
  id: z.string(),
  org: z.string(),
  name: z.string(),
  timezone: z.string(),
});
export type Project = z.infer<typeof projectSchema>;

/** The settings form: both fields present (the form always shows both). */
export const projectSettingsFormSchema = updateProjectSchema.required();

import { parseValue } from "../../http/parse-body";
import { saveAsTemplateSchema, type Template } from "../../schemas/templates";
import type { ServiceContext } from "../context";
import { findPersonalizationRow } from "../personalizations/lock-personalization";
import { requireAccess } from "../require-access";
import { insertTemplate } from "../templates/insert-template";
import { findExperienceRow } from "./find-experience";

/** "Save as template": the experience's payload becomes a new template of the project. */
export async function saveExperienceAsTemplate(
  ctx: ServiceContext,
  personalizationId: string,
  experienceId: string,
  input: unknown,
): Promise<Template> {
  requireAccess(ctx, "write");
  const { name, description } = parseValue(input, saveAsTemplateSchema);
  const row = await findPersonalizationRow(ctx.db, ctx.project.id, personalizationId);
  const experience = await findExperienceRow(ctx.db, row.id, experienceId);
  return insertTemplate(ctx, { name, description, payload: experience.payload ?? null }, { fromExperienceId: experience.id });
}

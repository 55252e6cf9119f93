import { and, eq } from "drizzle-orm";
import { experiences, templates } from "../../../db/schema";
import { AppError } from "../../errors";
import { parseValue } from "../../http/parse-body";
import { MAX_EXPERIENCES, createExperienceSchema, type ExperienceWriteResult } from "../../schemas/experiences";
import type { ServiceContext } from "../context";
import { expectedVersion } from "../personalizations/expected-version";
import { lockPersonalization } from "../personalizations/lock-personalization";
import { projectChanged } from "../project-changed";
import { requireAccess } from "../require-access";
import { experienceProblems, projectSegmentKeys, throwIfProblems } from "./content-checks";
import { toExperienceView } from "./experience-view";
import { finishExperienceWrite } from "./finish-experience-write";
import { listExperienceRows } from "./find-experience";
import { experienceValues } from "./write-experiences";

/**
 * Adds an experience at the lowest priority, from scratch or from a template (`templateId`: the
 * template's payload is copied, and its name is the default name).
 */
export async function addExperience(
  ctx: ServiceContext,
  personalizationId: string,
  input: unknown,
  options: { ifMatch?: number } = {},
): Promise<ExperienceWriteResult> {
  requireAccess(ctx, "write");
  const { templateId, version: bodyVersion, ...entry } = parseValue(input, createExperienceSchema);
  const version = expectedVersion(bodyVersion, options.ifMatch);
  if (templateId !== undefined && entry.payload !== undefined) {
    const message = "is exclusive with payload: the template's payload is copied";
    throw new AppError("validation_failed", `The request body is invalid: templateId: ${message}.`, [{ path: "templateId", message }]);
  }
  const check = { segmentKeys: await projectSegmentKeys(ctx.db, ctx.project.id), timezone: ctx.project.timezone };

  const result = await ctx.db.transaction(async (tx) => {
    const row = await lockPersonalization(tx, ctx.project.id, personalizationId, version);
    const existing = await listExperienceRows(tx, row.id);
    if (existing.length >= MAX_EXPERIENCES) {
      const message = `has ${existing.length} experiences already, the most a personalization may have`;
      throw new AppError("validation_failed", `The personalization ${message}.`, [{ path: "experiences", message }]);
    }
    let template: typeof templates.$inferSelect | undefined;
    if (templateId !== undefined) {
      [template] = await tx.select().from(templates).where(and(eq(templates.id, templateId), eq(templates.projectId, ctx.project.id)));
      if (!template) {
        const message = `"${templateId}" is not a template of this project`;
        throw new AppError("validation_failed", `The request body is invalid: templateId: ${message}.`, [{ path: "templateId", message }]);
      }
    }
    const values = {
      ...experienceValues({ ...entry, name: entry.name ?? template?.name, payload: template ? template.payload : entry.payload }, existing.length),
      templateId: template?.id ?? null,
    };
    throwIfProblems(experienceProblems(values, "", check));
    const [created] = await tx
      .insert(experiences)
      .values({ ...values, projectId: ctx.project.id, personalizationId: row.id, priority: existing.length + 1 })
      .returning();
    const experience = toExperienceView(created);
    const updated = await finishExperienceWrite(tx, ctx, row, { action: "experience.create", after: { experience } });
    return { experience, version: updated.version };
  });
  await projectChanged(ctx);
  return result;
}

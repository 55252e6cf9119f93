import { eq } from "drizzle-orm";
import { experiences } from "../../../db/schema";
import { AppError } from "../../errors";
import { parseValue } from "../../http/parse-body";
import { MAX_EXPERIENCES, duplicateExperienceSchema, type ExperienceWriteResult } from "../../schemas/experiences";
import type { ServiceContext } from "../context";
import { expectedVersion } from "../personalizations/expected-version";
import { lockPersonalization } from "../personalizations/lock-personalization";
import { projectChanged } from "../project-changed";
import { requireAccess } from "../require-access";
import { toExperienceView } from "./experience-view";
import { finishExperienceWrite } from "./finish-experience-write";
import { listExperienceRows } from "./find-experience";

/** Copies an experience (payload, audience, display, schedule) right below the original. */
export async function duplicateExperience(
  ctx: ServiceContext,
  personalizationId: string,
  experienceId: string,
  input: unknown,
  options: { ifMatch?: number } = {},
): Promise<ExperienceWriteResult> {
  requireAccess(ctx, "write");
  const { name, version: bodyVersion } = parseValue(input ?? {}, duplicateExperienceSchema);
  const version = expectedVersion(bodyVersion, options.ifMatch);

  const result = await ctx.db.transaction(async (tx) => {
    const row = await lockPersonalization(tx, ctx.project.id, personalizationId, version);
    const current = await listExperienceRows(tx, row.id);
    const source = current.find((e) => e.id === experienceId);
    if (!source) throw new AppError("not_found", `Experience "${experienceId}" was not found in personalization "${row.id}".`);
    if (current.length >= MAX_EXPERIENCES) {
      const message = `has ${current.length} experiences already, the most a personalization may have`;
      throw new AppError("validation_failed", `The personalization ${message}.`, [{ path: "experiences", message }]);
    }
    // Move everything below the source down one, bottom first.
    for (const e of [...current].reverse()) {
      if (e.priority > source.priority) await tx.update(experiences).set({ priority: e.priority + 1 }).where(eq(experiences.id, e.id));
    }
    const [copy] = await tx
      .insert(experiences)
      .values({
        projectId: ctx.project.id,
        personalizationId: row.id,
        name: name ?? `${source.name} (copy)`.slice(0, 200),
        priority: source.priority + 1,
        payload: source.payload,
        audience: source.audience,
        frequency: source.frequency,
        devices: source.devices,
        schedule: source.schedule,
        templateId: source.templateId,
      })
      .returning();
    const experience = toExperienceView(copy);
    const updated = await finishExperienceWrite(tx, ctx, row, {
      action: "experience.duplicate",
      after: { experience, duplicatedFrom: source.id },
    });
    return { experience, version: updated.version };
  });
  await projectChanged(ctx);
  return result;
}

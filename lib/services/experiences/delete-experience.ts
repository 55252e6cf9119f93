import { eq } from "drizzle-orm";
import { experiences } from "../../../db/schema";
import type { ServiceContext } from "../context";
import { lockPersonalization } from "../personalizations/lock-personalization";
import { projectChanged } from "../project-changed";
import { requireAccess } from "../require-access";
import { toExperienceView } from "./experience-view";
import { finishExperienceWrite } from "./finish-experience-write";
import { findExperienceRow, listExperienceRows } from "./find-experience";

/** Deletes an experience; the ones below move up, so priorities stay 1…n. */
export async function deleteExperience(
  ctx: ServiceContext,
  personalizationId: string,
  experienceId: string,
  options: { version?: number } = {},
): Promise<{ version: number }> {
  requireAccess(ctx, "write");
  const result = await ctx.db.transaction(async (tx) => {
    const row = await lockPersonalization(tx, ctx.project.id, personalizationId, options.version);
    const current = await findExperienceRow(tx, row.id, experienceId);
    await tx.delete(experiences).where(eq(experiences.id, current.id));
    const rest = await listExperienceRows(tx, row.id);
    for (const [i, e] of rest.entries()) {
      if (e.priority !== i + 1) await tx.update(experiences).set({ priority: i + 1 }).where(eq(experiences.id, e.id));
    }
    const updated = await finishExperienceWrite(tx, ctx, row, { action: "experience.delete", before: { experience: toExperienceView(current) } });
    return { version: updated.version };
  });
  await projectChanged(ctx);
  return result;
}

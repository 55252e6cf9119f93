import { eq } from "drizzle-orm";
import { experiences } from "../../../db/schema";
import { parseValue } from "../../http/parse-body";
import { updateExperienceSchema, type ExperienceWriteResult } from "../../schemas/experiences";
import type { ServiceContext } from "../context";
import { expectedVersion } from "../personalizations/expected-version";
import { lockPersonalization } from "../personalizations/lock-personalization";
import { projectChanged } from "../project-changed";
import { requireAccess } from "../require-access";
import { experienceProblems, projectSegmentKeys, throwIfProblems } from "./content-checks";
import { toExperienceView } from "./experience-view";
import { finishExperienceWrite } from "./finish-experience-write";
import { findExperienceRow } from "./find-experience";
import { experienceValues } from "./write-experiences";

/** Edits an experience's name, payload, audience, display or schedule; absent fields are kept. */
export async function updateExperience(
  ctx: ServiceContext,
  personalizationId: string,
  experienceId: string,
  input: unknown,
  options: { ifMatch?: number } = {},
): Promise<ExperienceWriteResult> {
  requireAccess(ctx, "write");
  const { version: bodyVersion, ...entry } = parseValue(input, updateExperienceSchema);
  const version = expectedVersion(bodyVersion, options.ifMatch);
  const check = { segmentKeys: await projectSegmentKeys(ctx.db, ctx.project.id), timezone: ctx.project.timezone };
  throwIfProblems(experienceProblems(entry, "", check));

  const result = await ctx.db.transaction(async (tx) => {
    const row = await lockPersonalization(tx, ctx.project.id, personalizationId, version);
    const current = await findExperienceRow(tx, row.id, experienceId);
    const values = experienceValues(entry, current.priority - 1, current);
    const [saved] = await tx.update(experiences).set(values).where(eq(experiences.id, current.id)).returning();
    const experience = toExperienceView(saved);
    const updated = await finishExperienceWrite(tx, ctx, row, {
      action: "experience.update",
      before: { experience: toExperienceView(current) },
      after: { experience },
    });
    return { experience, version: updated.version };
  });
  await projectChanged(ctx);
  return result;
}

import { eq } from "drizzle-orm";
import { experiences } from "../../../db/schema";
import type { ErrorDetail } from "../../errors";
import { parseValue } from "../../http/parse-body";
import { reorderExperiencesSchema } from "../../schemas/experiences";
import type { Personalization } from "../../schemas/personalizations";
import type { ServiceContext } from "../context";
import { expectedVersion } from "../personalizations/expected-version";
import { lockPersonalization } from "../personalizations/lock-personalization";
import { loadPartsOf, toPersonalizationView } from "../personalizations/personalization-view";
import { projectChanged } from "../project-changed";
import { requireAccess } from "../require-access";
import { throwIfProblems } from "./content-checks";
import { finishExperienceWrite } from "./finish-experience-write";
import { listExperienceRows } from "./find-experience";

/**
 * Sets the whole priority order in one request, atomically: `experienceIds` must be exactly the
 * personalization's current experiences, highest priority first.
 */
export async function reorderExperiences(
  ctx: ServiceContext,
  personalizationId: string,
  input: unknown,
  options: { ifMatch?: number } = {},
): Promise<Personalization> {
  requireAccess(ctx, "write");
  const { experienceIds, version: bodyVersion } = parseValue(input, reorderExperiencesSchema);
  const version = expectedVersion(bodyVersion, options.ifMatch);

  const view = await ctx.db.transaction(async (tx) => {
    const row = await lockPersonalization(tx, ctx.project.id, personalizationId, version);
    const current = await listExperienceRows(tx, row.id);
    const known = new Set(current.map((e) => e.id));
    const seen = new Set<string>();
    const problems: ErrorDetail[] = [];
    experienceIds.forEach((id, i) => {
      if (!known.has(id)) problems.push({ path: `experienceIds.${i}`, message: `"${id}" is not an experience of this personalization` });
      else if (seen.has(id)) problems.push({ path: `experienceIds.${i}`, message: `"${id}" is listed twice` });
      seen.add(id);
    });
    const missing = current.filter((e) => !seen.has(e.id));
    if (missing.length > 0) {
      problems.push({
        path: "experienceIds",
        message: `must list every experience; missing: ${missing.map((e) => `"${e.id}" (${e.name})`).join(", ")}`,
      });
    }
    throwIfProblems(problems);
    for (const [i, id] of experienceIds.entries()) {
      const priority = i + 1;
      if (current.find((e) => e.id === id)?.priority !== priority) await tx.update(experiences).set({ priority }).where(eq(experiences.id, id));
    }
    const updated = await finishExperienceWrite(tx, ctx, row, {
      action: "experience.reorder",
      before: { experienceIds: current.map((e) => e.id) },
      after: { experienceIds },
    });
    return toPersonalizationView(await loadPartsOf(tx, updated));
  });
  await projectChanged(ctx);
  return view;
}

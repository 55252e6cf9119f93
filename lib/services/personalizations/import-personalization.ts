import { and, eq } from "drizzle-orm";
import { personalizations } from "../../../db/schema";
import { isUniqueViolation } from "../../../db/errors";
import { AppError } from "../../errors";
import { parseValue } from "../../http/parse-body";
import { personalizationDocumentSchema } from "../../schemas/personalization-document";
import type { Personalization } from "../../schemas/personalizations";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { projectSegmentKeys, throwIfProblems } from "../experiences/content-checks";
import { findSegmentRefs } from "../experiences/engine-checks";
import { experienceListProblems, experienceValues, writeExperiences, type ExperienceWrite } from "../experiences/write-experiences";
import { matchMetricsByGoal, writeMetrics } from "../metrics/write-metrics";
import { projectChanged } from "../project-changed";
import { auditScope, requireAccess } from "../require-access";
import { assignGroups } from "./assign-groups";
import { insertPersonalization } from "./insert-personalization";
import { bumpVersion, versionConflict } from "./lock-personalization";
import { loadPartsOf, toPersonalizationView } from "./personalization-view";
import { SELECTOR_INDEX, deriveSelector } from "./selector";

export interface ImportResult {
  created: boolean;
  personalization: Personalization;
}

/**
 * Creates or updates, by selector, a personalization from a document (typically another project's
 * export). An update replaces name, description, control, groups, experiences and metrics, bumps
 * the version and keeps the status; experiences and metrics that match existing ones (same name;
 * same goal) keep their ids, so exposures and results stay attached. Segment keys the project does
 * not have are a 400 naming them.
 */
export async function importPersonalization(ctx: ServiceContext, input: unknown, options: { ifMatch?: number } = {}): Promise<ImportResult> {
  requireAccess(ctx, "write");
  const doc = parseValue(input, personalizationDocumentSchema, "document");
  const segmentKeys = await projectSegmentKeys(ctx.db, ctx.project.id);
  const entries = doc.experiences ?? [{}];

  const missing = [...new Set(entries.flatMap((e) => findSegmentRefs(e.audience ?? null)))].filter((key) => !segmentKeys.has(key));
  const newWrites = entries.map((entry, i): ExperienceWrite => ({ values: experienceValues(entry, i) }));
  const problems = experienceListProblems(newWrites, { segmentKeys, timezone: ctx.project.timezone });
  if (missing.length > 0) {
    throw new AppError(
      "validation_failed",
      `The document references segments this project does not have: ${missing.map((k) => `"${k}"`).join(", ")}. Create them first, then import again.`,
      problems,
    );
  }
  throwIfProblems(problems, "document");
  const selector = doc.selector ?? deriveSelector(doc.name);

  for (let attempt = 0; ; attempt++) {
    try {
      const result = await ctx.db.transaction(async (tx): Promise<ImportResult> => {
        const [row] = await tx
          .select()
          .from(personalizations)
          .where(and(eq(personalizations.projectId, ctx.project.id), eq(personalizations.selector, selector)))
          .for("update");
        if (!row) {
          return { created: true, personalization: await insertPersonalization(tx, ctx, doc, selector, newWrites, "personalization.import") };
        }
        if (options.ifMatch !== undefined && options.ifMatch !== row.version) throw versionConflict(row.version, options.ifMatch);
        const before = await loadPartsOf(tx, row);
        const target = { projectId: ctx.project.id, personalizationId: row.id };
        const unused = [...before.experiences];
        const writes = newWrites.map((w) => {
          const at = unused.findIndex((e) => e.name === w.values.name);
          const keep = at >= 0 ? unused.splice(at, 1)[0] : undefined;
          return { keepId: keep?.id, values: { ...w.values, templateId: keep?.templateId ?? null } };
        });
        await writeExperiences(tx, target, writes);
        await writeMetrics(tx, target, matchMetricsByGoal(doc.metrics, before.metrics));
        await assignGroups(tx, auditScope(ctx), target, doc.groups);
        const updated = await bumpVersion(tx, row, {
          name: doc.name,
          description: doc.description ?? null,
          type: doc.type,
          controlPercent: doc.controlPercent,
        });
        const after = toPersonalizationView(await loadPartsOf(tx, updated));
        await writeAudit(tx, auditScope(ctx), {
          action: "personalization.import",
          entityType: "personalization",
          entityId: row.id,
          before: toPersonalizationView(before),
          after,
          whileRunning: row.status === "running",
        });
        return { created: false, personalization: after };
      });
      await projectChanged(ctx);
      return result;
    } catch (error) {
      // Two imports of a new selector at once: the loser retries and updates what the winner created.
      if (attempt < 1 && isUniqueViolation(error, SELECTOR_INDEX)) continue;
      throw error;
    }
  }
}

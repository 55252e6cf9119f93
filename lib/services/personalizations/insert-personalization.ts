import { personalizations } from "../../../db/schema";
import type { Transaction } from "../../../db/client";
import type { PersonalizationDocumentInput } from "../../schemas/personalization-document";
import type { Personalization } from "../../schemas/personalizations";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { writeExperiences, type ExperienceWrite } from "../experiences/write-experiences";
import { writeMetrics } from "../metrics/write-metrics";
import { auditScope } from "../require-access";
import { assignGroups } from "./assign-groups";
import { loadPartsOf, toPersonalizationView } from "./personalization-view";

/** Inserts a draft personalization with its experiences, metrics and groups, and audits it. */
export async function insertPersonalization(
  tx: Transaction,
  ctx: ServiceContext,
  doc: PersonalizationDocumentInput,
  selector: string,
  experienceWrites: ExperienceWrite[],
  action: "personalization.create" | "personalization.import",
): Promise<Personalization> {
  const [row] = await tx
    .insert(personalizations)
    .values({
      projectId: ctx.project.id,
      name: doc.name,
      description: doc.description ?? null,
      selector,
      type: doc.type,
      controlPercent: doc.controlPercent,
    })
    .returning();
  const target = { projectId: ctx.project.id, personalizationId: row.id };
  await writeExperiences(tx, target, experienceWrites);
  await writeMetrics(tx, target, doc.metrics.map((values) => ({ values })));
  await assignGroups(tx, auditScope(ctx), target, doc.groups);
  const view = toPersonalizationView(await loadPartsOf(tx, row));
  await writeAudit(tx, auditScope(ctx), { action, entityType: "personalization", entityId: row.id, after: view });
  return view;
}

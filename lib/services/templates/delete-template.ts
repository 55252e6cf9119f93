import { eq } from "drizzle-orm";
import { templates } from "../../../db/schema";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { auditScope, requireAccess } from "../require-access";
import { findTemplateRow, toTemplateView } from "./template-view";

/** Deletes a template. Experiences started from it keep their payload (it was copied). */
export async function deleteTemplate(ctx: ServiceContext, id: string): Promise<void> {
  requireAccess(ctx, "write");
  await ctx.db.transaction(async (tx) => {
    const row = await findTemplateRow(tx, ctx.project.id, id);
    await tx.delete(templates).where(eq(templates.id, row.id));
    await writeAudit(tx, auditScope(ctx), { action: "template.delete", entityType: "template", entityId: row.id, before: toTemplateView(row) });
  });
}

import { eq } from "drizzle-orm";
import { personalizations } from "../../../db/schema";
import { AppError } from "../../errors";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { projectChanged } from "../project-changed";
import { auditScope, requireAccess } from "../require-access";
import { lockPersonalization } from "./lock-personalization";
import { loadPartsOf, toPersonalizationView } from "./personalization-view";

/**
 * Deletes a draft with its experiences, metrics and group memberships. One that has ever run has
 * exposures and results worth keeping: it is archived instead (409 says so).
 */
export async function deletePersonalization(ctx: ServiceContext, id: string, options: { version?: number } = {}): Promise<void> {
  requireAccess(ctx, "write");
  await ctx.db.transaction(async (tx) => {
    const row = await lockPersonalization(tx, ctx.project.id, id, options.version);
    if (row.status !== "draft") {
      throw new AppError(
        "conflict",
        `"${row.name}" is ${row.status}; only drafts can be deleted. Archive it instead (POST …/personalizations/${row.id}/archive): that keeps its results.`,
        { status: row.status },
      );
    }
    const before = toPersonalizationView(await loadPartsOf(tx, row));
    await tx.delete(personalizations).where(eq(personalizations.id, row.id));
    await writeAudit(tx, auditScope(ctx), { action: "personalization.delete", entityType: "personalization", entityId: row.id, before });
  });
  await projectChanged(ctx);
}

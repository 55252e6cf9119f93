import type { Personalization } from "../../schemas/personalizations";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { projectChanged } from "../project-changed";
import { auditScope, requireAccess } from "../require-access";
import { bumpVersion, lockPersonalization } from "./lock-personalization";
import { loadPartsOf, toPersonalizationView } from "./personalization-view";

/**
 * Archives a personalization in any status: it stops serving, leaves the default list and keeps
 * its results and its selector. Archiving an archived one changes nothing.
 */
export async function archivePersonalization(ctx: ServiceContext, id: string, options: { version?: number } = {}): Promise<Personalization> {
  requireAccess(ctx, "write");
  let changed = false;
  const view = await ctx.db.transaction(async (tx) => {
    const row = await lockPersonalization(tx, ctx.project.id, id, options.version);
    const parts = await loadPartsOf(tx, row);
    if (row.status === "archived") return toPersonalizationView(parts);
    const updated = await bumpVersion(tx, row, { status: "archived", archivedAt: new Date() });
    await writeAudit(tx, auditScope(ctx), {
      action: "personalization.archive",
      entityType: "personalization",
      entityId: row.id,
      before: { status: row.status, version: row.version },
      after: { status: updated.status, version: updated.version },
      whileRunning: row.status === "running",
    });
    changed = true;
    return toPersonalizationView({ ...parts, row: updated });
  });
  if (changed) await projectChanged(ctx);
  return view;
}

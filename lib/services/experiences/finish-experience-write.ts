import type { Transaction } from "../../../db/client";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { bumpVersion, type PersonalizationRow } from "../personalizations/lock-personalization";
import { auditScope } from "../require-access";

/**
 * The end of every experience write: the personalization's version goes up, and the change is
 * audited on the personalization (so its history shows it), flagged when it was running.
 */
export async function finishExperienceWrite(
  tx: Transaction,
  ctx: ServiceContext,
  row: PersonalizationRow,
  entry: { action: string; before?: unknown; after?: unknown },
): Promise<PersonalizationRow> {
  const updated = await bumpVersion(tx, row);
  await writeAudit(tx, auditScope(ctx), {
    action: entry.action,
    entityType: "personalization",
    entityId: row.id,
    before: entry.before === undefined ? undefined : { version: row.version, ...(entry.before as object) },
    after: entry.after === undefined ? { version: updated.version } : { version: updated.version, ...(entry.after as object) },
    whileRunning: row.status === "running",
  });
  return updated;
}

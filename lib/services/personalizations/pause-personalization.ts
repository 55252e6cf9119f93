import { AppError } from "../../errors";
import type { Personalization } from "../../schemas/personalizations";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { projectChanged } from "../project-changed";
import { auditScope, requireAccess } from "../require-access";
import { bumpVersion, lockPersonalization } from "./lock-personalization";
import { loadPartsOf, toPersonalizationView } from "./personalization-view";

/** Pauses a running personalization (choose-api answers `not_running`); `start` resumes it. Pausing a paused one changes nothing. */
export async function pausePersonalization(ctx: ServiceContext, id: string, options: { version?: number } = {}): Promise<Personalization> {
  requireAccess(ctx, "write");
  let changed = false;
  const view = await ctx.db.transaction(async (tx) => {
    const row = await lockPersonalization(tx, ctx.project.id, id, options.version);
    const parts = await loadPartsOf(tx, row);
    if (row.status === "paused") return toPersonalizationView(parts);
    if (row.status !== "running") {
      throw new AppError("conflict", `"${row.name}" is ${row.status}, not running: only a running personalization can be paused.`, { status: row.status });
    }
    const updated = await bumpVersion(tx, row, { status: "paused", pausedAt: new Date() });
    await writeAudit(tx, auditScope(ctx), {
      action: "personalization.pause",
      entityType: "personalization",
      entityId: row.id,
      before: { status: row.status, version: row.version },
      after: { status: updated.status, version: updated.version },
      whileRunning: true,
    });
    changed = true;
    return toPersonalizationView({ ...parts, row: updated });
  });
  if (changed) await projectChanged(ctx);
  return view;
}

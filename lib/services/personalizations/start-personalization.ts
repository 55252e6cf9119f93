import { AppError } from "../../errors";
import type { Personalization } from "../../schemas/personalizations";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { projectSegmentKeys } from "../experiences/content-checks";
import { projectChanged } from "../project-changed";
import { auditScope, requireAccess } from "../require-access";
import { bumpVersion, lockPersonalization } from "./lock-personalization";
import { loadPartsOf, toPersonalizationView } from "./personalization-view";
import { startProblems } from "./start-checks";

/**
 * Starts a draft or resumes a paused personalization, after checking everything at once: a 400
 * `validation_failed` lists every problem in `details`. Starting a running one changes nothing.
 */
export async function startPersonalization(ctx: ServiceContext, id: string, options: { version?: number } = {}): Promise<Personalization> {
  requireAccess(ctx, "write");
  let changed = false;
  const view = await ctx.db.transaction(async (tx) => {
    const row = await lockPersonalization(tx, ctx.project.id, id, options.version);
    const parts = await loadPartsOf(tx, row);
    if (row.status === "running") return toPersonalizationView(parts);
    if (row.status === "archived") {
      throw new AppError("conflict", `"${row.name}" is archived and cannot be started again. Import its export to run it as a new personalization.`, {
        status: row.status,
      });
    }
    const problems = startProblems(parts, { segmentKeys: await projectSegmentKeys(tx, ctx.project.id), timezone: ctx.project.timezone });
    if (problems.length > 0) {
      const list = problems.map((p) => `${p.path}: ${p.message}`).join("; ");
      throw new AppError("validation_failed", `"${row.name}" cannot start: ${problems.length === 1 ? "1 problem" : `${problems.length} problems`} — ${list}.`, problems);
    }
    const now = new Date();
    const updated = await bumpVersion(tx, row, { status: "running", startedAt: row.startedAt ?? now, pausedAt: null });
    const after = toPersonalizationView({ ...parts, row: updated });
    await writeAudit(tx, auditScope(ctx), {
      action: row.status === "paused" ? "personalization.resume" : "personalization.start",
      entityType: "personalization",
      entityId: row.id,
      before: { status: row.status, version: row.version },
      after: { status: updated.status, version: updated.version },
    });
    changed = true;
    return after;
  });
  if (changed) await projectChanged(ctx);
  return view;
}

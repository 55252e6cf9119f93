import { and, eq, sql } from "drizzle-orm";
import { segments, testProfiles } from "../../../db/schema";
import { AppError } from "../../errors";
import type { Segment } from "../../schemas/segments";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { projectChanged } from "../project-changed";
import { auditScope, requireAccess } from "../require-access";
import { describeReferrers, findSegmentReferrers } from "./find-referrers";
import { findSegmentRow, lockSegmentGraph } from "./find-segment";
import { toSegmentView } from "./segment-view";

/**
 * Deletes a segment and its members. Refused (409, naming them) while another segment's condition
 * or an experience's audience references it; test profiles listing it simply drop it.
 */
export async function deleteSegment(ctx: ServiceContext, ref: string): Promise<Segment> {
  requireAccess(ctx, "write");
  const projectId = ctx.project.id;
  const segment = await ctx.db.transaction(async (tx) => {
    await lockSegmentGraph(tx, projectId);
    const row = await findSegmentRow(tx, projectId, ref, true);
    const referrers = await findSegmentReferrers(tx, projectId, row.key, row.id);
    if (referrers.length > 0) {
      throw new AppError(
        "conflict",
        `Segment "${row.key}" is still used by ${describeReferrers(referrers)}; remove it from ${referrers.length === 1 ? "that condition" : "those conditions"} first.`,
        { referrers },
      );
    }
    const before = await toSegmentView(tx, projectId, row);
    await tx.delete(segments).where(eq(segments.id, row.id));
    await tx
      .update(testProfiles)
      .set({ segments: sql`array_remove(${testProfiles.segments}, ${row.key})` })
      .where(and(eq(testProfiles.projectId, projectId), sql`${row.key} = any(${testProfiles.segments})`));
    await writeAudit(tx, auditScope(ctx), { action: "segment.delete", entityType: "segment", entityId: row.id, before });
    return before;
  });
  await projectChanged(ctx);
  return segment;
}

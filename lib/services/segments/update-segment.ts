import { and, eq, sql } from "drizzle-orm";
import { segments, testProfiles } from "../../../db/schema";
import { AppError } from "../../errors";
import { parseValue } from "../../http/parse-body";
import { updateSegmentSchema, type Segment } from "../../schemas/segments";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { projectChanged } from "../project-changed";
import { auditScope, requireAccess } from "../require-access";
import { checkSegmentCondition } from "./check-condition";
import { describeReferrers, findSegmentReferrers } from "./find-referrers";
import { findSegmentRow, lockSegmentGraph } from "./find-segment";
import { segmentKeyTaken } from "./segment-conflict";
import { toSegmentView } from "./segment-view";

/**
 * Edits a segment: name, description, a rule segment's condition (validated, no cycles), its key.
 * The type is fixed. A key still referenced by a condition cannot change (409 naming the referrers);
 * test profiles listing the old key follow the rename.
 */
export async function updateSegment(ctx: ServiceContext, ref: string, input: unknown): Promise<Segment> {
  requireAccess(ctx, "write");
  const patch = parseValue(input, updateSegmentSchema);
  const projectId = ctx.project.id;
  let segment: Segment;
  try {
    segment = await ctx.db.transaction(async (tx) => {
      await lockSegmentGraph(tx, projectId);
      const row = await findSegmentRow(tx, projectId, ref, true);
      const before = await toSegmentView(tx, projectId, row);
      if (patch.type !== undefined && patch.type !== row.type) {
        throw new AppError("validation_failed", `Segment "${row.key}" is a ${row.type} segment; its type cannot change. Create a new segment instead.`, [
          { path: "type", message: `cannot change from ${row.type} to ${patch.type}` },
        ]);
      }
      if (patch.condition !== undefined && row.type === "static") {
        throw new AppError("validation_failed", `Segment "${row.key}" is static: it has members, not a condition.`, [
          { path: "condition", message: "a static segment has no condition" },
        ]);
      }
      const key = patch.key ?? row.key;
      const renamed = key !== row.key;
      if (renamed) {
        const referrers = await findSegmentReferrers(tx, projectId, row.key, row.id);
        if (referrers.length > 0) {
          throw new AppError(
            "conflict",
            `Segment "${row.key}" cannot change its key while ${describeReferrers(referrers)} reference${referrers.length === 1 ? "s" : ""} it.`,
            { path: "key", referrers },
          );
        }
      }
      if (row.type === "rule" && (patch.condition !== undefined || renamed)) {
        await checkSegmentCondition(tx, projectId, key, patch.condition ?? row.condition ?? {}, row.id);
      }
      if (patch.key === undefined && patch.name === undefined && patch.description === undefined && patch.condition === undefined) {
        return before;
      }
      const [updated] = await tx
        .update(segments)
        .set({
          key,
          ...(patch.name === undefined ? {} : { name: patch.name }),
          ...(patch.description === undefined ? {} : { description: patch.description }),
          ...(patch.condition === undefined ? {} : { condition: patch.condition }),
          updatedAt: new Date(),
        })
        .where(eq(segments.id, row.id))
        .returning();
      if (renamed) {
        await tx
          .update(testProfiles)
          .set({ segments: sql`array_replace(${testProfiles.segments}, ${row.key}, ${key})` })
          .where(and(eq(testProfiles.projectId, projectId), sql`${row.key} = any(${testProfiles.segments})`));
      }
      const after = await toSegmentView(tx, projectId, updated);
      await writeAudit(tx, auditScope(ctx), { action: "segment.update", entityType: "segment", entityId: row.id, before, after });
      return after;
    });
  } catch (error) {
    throw segmentKeyTaken(error, patch.key);
  }
  await projectChanged(ctx);
  return segment;
}

import { parseValue } from "../../http/parse-body";
import { segmentMembersSchema, type RemovedMembers } from "../../schemas/segments";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { projectChanged } from "../project-changed";
import { auditScope, requireAccess } from "../require-access";
import { findSegmentRow, requireStatic } from "./find-segment";
import { AUDITED_IDS, MEMBER_BATCH, deleteMembers } from "./member-rows";
import { countMembers } from "./segment-view";

/** Removes user ids (≤ 10 000) from a static segment; ids that were not members are ignored. */
export async function removeSegmentMembers(ctx: ServiceContext, ref: string, input: unknown): Promise<RemovedMembers> {
  requireAccess(ctx, "write");
  const { userIds } = parseValue(input, segmentMembersSchema);
  const projectId = ctx.project.id;
  const result = await ctx.db.transaction(async (tx) => {
    const row = await findSegmentRow(tx, projectId, ref, true);
    requireStatic(row);
    const before = await countMembers(tx, projectId, row.id);
    const unique = [...new Set(userIds)];
    let removed = 0;
    for (let i = 0; i < unique.length; i += MEMBER_BATCH) {
      removed += await deleteMembers(tx, row.id, unique.slice(i, i + MEMBER_BATCH));
    }
    const total = before - removed;
    await writeAudit(tx, auditScope(ctx), {
      action: "segment.members.remove",
      entityType: "segment",
      entityId: row.id,
      before: { memberCount: before },
      after: { memberCount: total, removed, ...(userIds.length <= AUDITED_IDS ? { userIds } : {}) },
    });
    return { removed, total };
  });
  await projectChanged(ctx);
  return result;
}

import { parseValue } from "../../http/parse-body";
import { segmentMembersSchema, type AddedMembers } from "../../schemas/segments";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { projectChanged } from "../project-changed";
import { auditScope, requireAccess } from "../require-access";
import { findSegmentRow, requireStatic } from "./find-segment";
import { AUDITED_IDS, MEMBER_BATCH, insertMembers } from "./member-rows";
import { countMembers } from "./segment-view";

/** Adds the user ids of a JSON request (≤ 10 000) to a static segment; ids already in are counted, not repeated. */
export async function addSegmentMembers(ctx: ServiceContext, ref: string, input: unknown): Promise<AddedMembers> {
  requireAccess(ctx, "write");
  const { userIds } = parseValue(input, segmentMembersSchema);
  const projectId = ctx.project.id;
  const result = await ctx.db.transaction(async (tx) => {
    const row = await findSegmentRow(tx, projectId, ref, true);
    requireStatic(row);
    const before = await countMembers(tx, projectId, row.id);
    let added = 0;
    for (let i = 0; i < userIds.length; i += MEMBER_BATCH) {
      added += await insertMembers(tx, projectId, row.id, userIds.slice(i, i + MEMBER_BATCH));
    }
    const total = before + added;
    await writeAudit(tx, auditScope(ctx), {
      action: "segment.members.add",
      entityType: "segment",
      entityId: row.id,
      before: { memberCount: before },
      after: { memberCount: total, added, ...(userIds.length <= AUDITED_IDS ? { userIds } : {}) },
    });
    return { added, alreadyMembers: userIds.length - added, total };
  });
  await projectChanged(ctx);
  return result;
}

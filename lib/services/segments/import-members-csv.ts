import { AppError } from "../../errors";
import type { AddedMembers } from "../../schemas/segments";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { projectChanged } from "../project-changed";
import { auditScope, requireAccess } from "../require-access";
import { csvUserIdBatches } from "./csv-user-ids";
import { findSegmentRow, requireStatic } from "./find-segment";
import { MEMBER_BATCH, insertMembers } from "./member-rows";
import { countMembers } from "./segment-view";

/**
 * Adds the user ids of a CSV upload to a static segment, parsing the body as it arrives and
 * inserting each batch as it is parsed. All or nothing: an invalid row anywhere rolls the whole
 * upload back (400 naming the line). Idempotent: ids already in are counted as `alreadyMembers`.
 */
export async function importSegmentMembersCsv(
  ctx: ServiceContext,
  ref: string,
  body: AsyncIterable<Uint8Array>,
): Promise<AddedMembers> {
  requireAccess(ctx, "write");
  const projectId = ctx.project.id;
  const result = await ctx.db.transaction(async (tx) => {
    // The row lock makes concurrent uploads to one segment take turns (no deadlock between them).
    const row = await findSegmentRow(tx, projectId, ref, true);
    requireStatic(row);
    const before = await countMembers(tx, projectId, row.id);
    let received = 0;
    let added = 0;
    for await (const batch of csvUserIdBatches(body, MEMBER_BATCH)) {
      received += batch.length;
      added += await insertMembers(tx, projectId, row.id, batch);
    }
    if (received === 0) {
      throw new AppError("validation_failed", "The CSV holds no user ids: send one user id per line.", [
        { path: "(body)", message: "no user ids" },
      ]);
    }
    const total = before + added;
    await writeAudit(tx, auditScope(ctx), {
      action: "segment.members.add",
      entityType: "segment",
      entityId: row.id,
      before: { memberCount: before },
      after: { memberCount: total, added, received, format: "csv" },
    });
    return { added, alreadyMembers: received - added, total };
  });
  await projectChanged(ctx);
  return result;
}

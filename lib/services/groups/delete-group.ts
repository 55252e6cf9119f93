import { eq } from "drizzle-orm";
import { selectorGroups } from "../../../db/schema";
import type { Group } from "../../schemas/groups";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { projectChanged } from "../project-changed";
import { auditScope, requireAccess } from "../require-access";
import { findGroupRow } from "./find-group";
import { toGroupView } from "./group-view";

/** Deletes a selector group; its personalizations stay, they only leave the group. Returns it as it was. */
export async function deleteGroup(ctx: ServiceContext, ref: string): Promise<Group> {
  requireAccess(ctx, "write");
  const group = await ctx.db.transaction(async (tx) => {
    const row = await findGroupRow(tx, ctx.project.id, ref, true);
    const before = await toGroupView(tx, ctx.project.id, row);
    await tx.delete(selectorGroups).where(eq(selectorGroups.id, row.id));
    await writeAudit(tx, auditScope(ctx), {
      action: "group.delete",
      entityType: "group",
      entityId: row.id,
      before,
      whileRunning: before.personalizations.some((p) => p.status === "running"),
    });
    return before;
  });
  await projectChanged(ctx);
  return group;
}

import { and, eq, inArray } from "drizzle-orm";
import { selectorGroupMembers, selectorGroups } from "../../../db/schema";
import { parseValue } from "../../http/parse-body";
import { updateGroupSchema, type Group } from "../../schemas/groups";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { projectChanged } from "../project-changed";
import { auditScope, requireAccess } from "../require-access";
import { findGroupRow } from "./find-group";
import { groupNameTaken } from "./group-conflict";
import { toGroupView } from "./group-view";
import { resolvePersonalizations } from "./resolve-personalizations";

/**
 * Renames a group, edits its description, and — when `personalizationIds` is given — replaces its
 * membership with exactly that list (assigning the new ones, unassigning the ones left out).
 */
export async function updateGroup(ctx: ServiceContext, ref: string, input: unknown): Promise<Group> {
  requireAccess(ctx, "write");
  const patch = parseValue(input, updateGroupSchema);
  const projectId = ctx.project.id;
  let group: Group;
  try {
    group = await ctx.db.transaction(async (tx) => {
      const row = await findGroupRow(tx, projectId, ref, true);
      const before = await toGroupView(tx, projectId, row);
      if (patch.name === undefined && patch.description === undefined && patch.personalizationIds === undefined) return before;

      let touchedRunning = before.personalizations.some((p) => p.status === "running");
      if (patch.personalizationIds !== undefined) {
        const members = await resolvePersonalizations(tx, projectId, patch.personalizationIds);
        touchedRunning ||= members.some((m) => m.status === "running");
        const wanted = new Set(members.map((m) => m.id));
        const current = new Set(before.personalizations.map((p) => p.id));
        const removed = [...current].filter((id) => !wanted.has(id));
        const added = members.filter((m) => !current.has(m.id));
        if (removed.length > 0) {
          await tx
            .delete(selectorGroupMembers)
            .where(and(eq(selectorGroupMembers.groupId, row.id), inArray(selectorGroupMembers.personalizationId, removed)));
        }
        if (added.length > 0) {
          await tx
            .insert(selectorGroupMembers)
            .values(added.map((m) => ({ projectId, groupId: row.id, personalizationId: m.id })))
            .onConflictDoNothing();
        }
      }
      const [updated] = await tx
        .update(selectorGroups)
        .set({
          ...(patch.name === undefined ? {} : { name: patch.name }),
          ...(patch.description === undefined ? {} : { description: patch.description }),
          updatedAt: new Date(),
        })
        .where(eq(selectorGroups.id, row.id))
        .returning();
      const after = await toGroupView(tx, projectId, updated);
      await writeAudit(tx, auditScope(ctx), {
        action: "group.update",
        entityType: "group",
        entityId: row.id,
        before,
        after,
        whileRunning: touchedRunning,
      });
      return after;
    });
  } catch (error) {
    throw groupNameTaken(error, patch.name);
  }
  await projectChanged(ctx);
  return group;
}

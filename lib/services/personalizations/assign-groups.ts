import { and, eq, inArray, notInArray } from "drizzle-orm";
import { selectorGroupMembers, selectorGroups } from "../../../db/schema";
import type { Transaction } from "../../../db/client";
import { writeAudit, type AuditScope } from "../audit/write-audit";

/**
 * Makes the personalization a member of exactly `names`. A group that does not exist yet is
 * created (a document is self-contained), and its creation audited.
 */
export async function assignGroups(
  tx: Transaction,
  audit: AuditScope,
  target: { projectId: string; personalizationId: string },
  names: string[],
): Promise<void> {
  let groupIds: string[] = [];
  if (names.length > 0) {
    const created = await tx
      .insert(selectorGroups)
      .values(names.map((name) => ({ projectId: target.projectId, name })))
      .onConflictDoNothing({ target: [selectorGroups.projectId, selectorGroups.name] })
      .returning();
    for (const group of created) {
      await writeAudit(tx, audit, {
        action: "group.create",
        entityType: "group",
        entityId: group.id,
        after: { id: group.id, name: group.name, description: group.description },
      });
    }
    const groups = await tx
      .select({ id: selectorGroups.id })
      .from(selectorGroups)
      .where(and(eq(selectorGroups.projectId, target.projectId), inArray(selectorGroups.name, names)));
    groupIds = groups.map((g) => g.id);
  }
  await tx
    .delete(selectorGroupMembers)
    .where(
      groupIds.length > 0
        ? and(eq(selectorGroupMembers.personalizationId, target.personalizationId), notInArray(selectorGroupMembers.groupId, groupIds))
        : eq(selectorGroupMembers.personalizationId, target.personalizationId),
    );
  if (groupIds.length > 0) {
    await tx
      .insert(selectorGroupMembers)
      .values(groupIds.map((groupId) => ({ projectId: target.projectId, groupId, personalizationId: target.personalizationId })))
      .onConflictDoNothing();
  }
}

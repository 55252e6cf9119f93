import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { personalizations, selectorGroupMembers, type selectorGroups } from "../../../db/schema";
import type { Group } from "../../schemas/groups";

type GroupRow = typeof selectorGroups.$inferSelect;

/** Groups as the API shows them, each with its member personalizations (by name). */
export async function toGroupViews(db: Queryable, projectId: string, rows: GroupRow[]): Promise<Group[]> {
  if (rows.length === 0) return [];
  const members = await db
    .select({
      groupId: selectorGroupMembers.groupId,
      id: personalizations.id,
      name: personalizations.name,
      selector: personalizations.selector,
      status: personalizations.status,
    })
    .from(selectorGroupMembers)
    .innerJoin(personalizations, eq(personalizations.id, selectorGroupMembers.personalizationId))
    .where(
      and(
        eq(selectorGroupMembers.projectId, projectId),
        inArray(
          selectorGroupMembers.groupId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(sql`lower(${personalizations.name}) collate "C"`, sql`${personalizations.name} collate "C"`, asc(personalizations.id));
  const byGroup = new Map<string, Group["personalizations"]>();
  for (const { groupId, ...member } of members) {
    const list = byGroup.get(groupId) ?? [];
    list.push(member);
    byGroup.set(groupId, list);
  }
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    personalizations: byGroup.get(row.id) ?? [],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

export async function toGroupView(db: Queryable, projectId: string, row: GroupRow): Promise<Group> {
  const [view] = await toGroupViews(db, projectId, [row]);
  return view;
}

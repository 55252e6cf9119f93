import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { segmentMembers, type segments } from "../../../db/schema";
import type { Segment } from "../../schemas/segments";

export type SegmentRow = typeof segments.$inferSelect;

/** The number of user ids of each of these static segments. */
export async function memberCounts(db: Queryable, projectId: string, segmentIds: string[]): Promise<Map<string, number>> {
  if (segmentIds.length === 0) return new Map();
  const rows = await db
    .select({ segmentId: segmentMembers.segmentId, count: sql<number>`cast(count(*) as integer)` })
    .from(segmentMembers)
    .where(and(eq(segmentMembers.projectId, projectId), inArray(segmentMembers.segmentId, segmentIds)))
    .groupBy(segmentMembers.segmentId);
  return new Map(rows.map((r) => [r.segmentId, Number(r.count)]));
}

export async function countMembers(db: Queryable, projectId: string, segmentId: string): Promise<number> {
  return (await memberCounts(db, projectId, [segmentId])).get(segmentId) ?? 0;
}

/** Segments as the API shows them; static ones with their member count. */
export async function toSegmentViews(db: Queryable, projectId: string, rows: SegmentRow[]): Promise<Segment[]> {
  const counts = await memberCounts(
    db,
    projectId,
    rows.filter((r) => r.type === "static").map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    type: row.type,
    condition: row.type === "rule" ? (row.condition ?? {}) : null,
    memberCount: row.type === "static" ? (counts.get(row.id) ?? 0) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

export async function toSegmentView(db: Queryable, projectId: string, row: SegmentRow): Promise<Segment> {
  const [view] = await toSegmentViews(db, projectId, [row]);
  return view;
}

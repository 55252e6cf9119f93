import { and, eq, or, sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { segments } from "../../../db/schema";
import { AppError } from "../../errors";
import type { SegmentRow } from "./segment-view";

/**
 * A segment of the project by id or by key (both are URL-safe), locked for the rest of the
 * transaction when `lock` is set; a 404 otherwise.
 */
export async function findSegmentRow(db: Queryable, projectId: string, ref: string, lock = false): Promise<SegmentRow> {
  const query = db
    .select()
    .from(segments)
    .where(and(eq(segments.projectId, projectId), or(eq(segments.id, ref), eq(segments.key, ref))));
  const rows = lock ? await query.for("update") : await query;
  const row = rows.find((r) => r.id === ref) ?? rows[0];
  if (!row) throw new AppError("not_found", `Segment "${ref}" was not found.`);
  return row;
}

/**
 * Serializes the writes that change the graph of segment references in a project (create, update,
 * delete), so two concurrent saves cannot close a cycle that neither sees alone.
 */
export async function lockSegmentGraph(tx: Queryable, projectId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`bespoke:segments:${projectId}`}, 0))`);
}

export function requireStatic(row: SegmentRow): void {
  if (row.type !== "static") {
    throw new AppError(
      "bad_request",
      `Segment "${row.key}" is a rule segment: its members are whoever matches its condition. Only static segments take user ids.`,
      [{ path: "type", message: "is rule; members can only be added to or removed from a static segment" }],
    );
  }
}

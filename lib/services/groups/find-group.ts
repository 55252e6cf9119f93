import { and, eq, or } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { selectorGroups } from "../../../db/schema";
import { AppError } from "../../errors";

/**
 * A selector group of the project by id or by name (both are URL-safe), locked for the rest of the
 * transaction when `lock` is set; a 404 otherwise.
 */
export async function findGroupRow(db: Queryable, projectId: string, ref: string, lock = false) {
  const query = db
    .select()
    .from(selectorGroups)
    .where(and(eq(selectorGroups.projectId, projectId), or(eq(selectorGroups.id, ref), eq(selectorGroups.name, ref))));
  const rows = lock ? await query.for("update") : await query;
  // An id and another group's name could coincide in theory; the id wins.
  const row = rows.find((r) => r.id === ref) ?? rows[0];
  if (!row) throw new AppError("not_found", `Selector group "${ref}" was not found.`);
  return row;
}

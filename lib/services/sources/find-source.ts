import { and, eq } from "drizzle-orm";
import { sources } from "../../../db/schema";
import type { Queryable } from "../../../db/client";
import { AppError } from "../../errors";

/** A source of the project, by numeric id or by prefix; a 404 otherwise. */
export async function findSourceRow(db: Queryable, projectId: string, ref: { id?: number; prefix?: string }) {
  const where =
    ref.id !== undefined
      ? and(eq(sources.projectId, projectId), eq(sources.id, ref.id))
      : and(eq(sources.projectId, projectId), eq(sources.prefix, ref.prefix ?? ""));
  const [row] = await db.select().from(sources).where(where);
  if (!row) {
    throw new AppError("not_found", ref.id !== undefined ? `API key ${ref.id} was not found.` : `API key "${ref.prefix}" was not found.`);
  }
  return row;
}

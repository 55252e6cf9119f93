import { and, eq } from "drizzle-orm";
import { personalizations } from "../../../db/schema";
import type { Queryable, Transaction } from "../../../db/client";
import { AppError } from "../../errors";

export type PersonalizationRow = typeof personalizations.$inferSelect;

export function personalizationNotFound(id: string): AppError {
  return new AppError("not_found", `Personalization "${id}" was not found in this project.`);
}

export function versionConflict(current: number, sent: number): AppError {
  return new AppError(
    "version_conflict",
    `The personalization changed since version ${sent}: it is at version ${current} now. Reload it and apply your change again.`,
    { currentVersion: current },
  );
}

/**
 * Locks the personalization's row for the rest of the transaction (SELECT … FOR UPDATE) and checks
 * the caller's version against it. Every write of a personalization or of its experiences takes this
 * lock first, so two writers with the same version serialize: the second reads the bumped version
 * and gets a 409, on PostgreSQL under real concurrency as on PGlite.
 */
export async function lockPersonalization(
  tx: Transaction,
  projectId: string,
  id: string,
  expectedVersion: number | undefined,
): Promise<PersonalizationRow> {
  const [row] = await tx
    .select()
    .from(personalizations)
    .where(and(eq(personalizations.id, id), eq(personalizations.projectId, projectId)))
    .for("update");
  if (!row) throw personalizationNotFound(id);
  if (expectedVersion !== undefined && row.version !== expectedVersion) throw versionConflict(row.version, expectedVersion);
  return row;
}

/** Writes `changes` and the next version; the caller holds the lock from `lockPersonalization`. */
export async function bumpVersion(
  tx: Transaction,
  row: PersonalizationRow,
  changes: Partial<typeof personalizations.$inferInsert> = {},
): Promise<PersonalizationRow> {
  const [updated] = await tx
    .update(personalizations)
    .set({ ...changes, version: row.version + 1 })
    .where(eq(personalizations.id, row.id))
    .returning();
  return updated;
}

/** The personalization's row without locking it; 404 when it is not in the project. */
export async function findPersonalizationRow(db: Queryable, projectId: string, id: string): Promise<PersonalizationRow> {
  const [row] = await db
    .select()
    .from(personalizations)
    .where(and(eq(personalizations.id, id), eq(personalizations.projectId, projectId)));
  if (!row) throw personalizationNotFound(id);
  return row;
}

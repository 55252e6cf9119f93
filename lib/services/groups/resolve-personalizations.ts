import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { personalizations } from "../../../db/schema";
import { AppError } from "../../errors";

/**
 * The project's personalizations with these ids, deduplicated, in the order given; a 400 naming
 * every id that is not a personalization of this project.
 */
export async function resolvePersonalizations(db: Queryable, projectId: string, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db
    .select({ id: personalizations.id, status: personalizations.status })
    .from(personalizations)
    .where(and(eq(personalizations.projectId, projectId), inArray(personalizations.id, unique)));
  const found = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.flatMap((id, index) => (found.has(id) ? [] : [{ id, index }]));
  if (missing.length > 0) {
    const names = [...new Set(missing.map((m) => `"${m.id}"`))].join(", ");
    throw new AppError(
      "validation_failed",
      `Unknown personalization${missing.length > 1 ? "s" : ""} in personalizationIds: ${names}.`,
      missing.map((m) => ({ path: `personalizationIds.${m.index}`, message: `no personalization "${m.id}" in this project` })),
    );
  }
  return unique.map((id) => found.get(id) as { id: string; status: string });
}

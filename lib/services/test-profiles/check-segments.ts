import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { segments } from "../../../db/schema";
import { AppError } from "../../errors";

/**
 * A test profile lists the static segments it is in (rule segments are evaluated from its
 * attributes and events, not listed). Returns the keys deduplicated; a 400 names every key that is
 * unknown or a rule segment.
 */
export async function checkTestProfileSegments(db: Queryable, projectId: string, keys: readonly string[]): Promise<string[]> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return [];
  const rows = await db
    .select({ key: segments.key, type: segments.type })
    .from(segments)
    .where(and(eq(segments.projectId, projectId), inArray(segments.key, unique)));
  const types = new Map(rows.map((r) => [r.key, r.type]));
  const details = keys.flatMap((key, index) => {
    const type = types.get(key);
    if (type === "static") return [];
    const message =
      type === "rule"
        ? `"${key}" is a rule segment: it is evaluated from the profile, not listed`
        : `no segment "${key}" in this project`;
    return [{ path: `segments.${index}`, message }];
  });
  if (details.length > 0) {
    throw new AppError(
      "validation_failed",
      `The request body is invalid: ${details[0].path}: ${details[0].message}${details.length > 1 ? ` (and ${details.length - 1} more)` : ""}.`,
      details,
    );
  }
  return unique;
}

import { and, eq, ne } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { segments } from "../../../db/schema";
import { findSegmentRefs, validateCondition } from "../../engine/condition/validate";
import { AppError } from "../../errors";

/**
 * Checks a rule segment's condition against the project's other segments: a valid condition
 * (`validateCondition`), naming only existing segments, and no cycle back to this segment through
 * the segments it references. `key` is the segment's (new) key; `selfId` its id when it exists.
 * Run inside the transaction that saves it, after `lockSegmentGraph`.
 */
export async function checkSegmentCondition(
  tx: Queryable,
  projectId: string,
  key: string,
  condition: Record<string, unknown>,
  selfId: string | null,
): Promise<void> {
  const others = await tx
    .select({ key: segments.key, type: segments.type, condition: segments.condition })
    .from(segments)
    .where(selfId === null ? eq(segments.projectId, projectId) : and(eq(segments.projectId, projectId), ne(segments.id, selfId)));

  const keys = new Set(others.map((s) => s.key));
  keys.add(key);
  const problems = validateCondition(condition, { segmentKeys: keys });
  if (problems.length > 0) {
    const details = problems.map((p) => ({ path: p.path ? `condition.${p.path}` : "condition", message: p.message }));
    const first = details[0];
    throw new AppError(
      "validation_failed",
      `The segment's condition is invalid: ${first.path}: ${first.message}${details.length > 1 ? ` (and ${details.length - 1} more)` : ""}.`,
      details,
    );
  }

  const refs = new Map<string, string[]>();
  for (const s of others) if (s.type === "rule") refs.set(s.key, findSegmentRefs(s.condition));
  refs.set(key, findSegmentRefs(condition));
  const cycle = findCycle(key, (k) => refs.get(k) ?? []);
  if (cycle) {
    const shown = cycle.join(" → ");
    throw new AppError("validation_failed", `Segment "${key}" would reference itself: ${shown}. Segments cannot form a cycle.`, [
      { path: "condition", message: `references itself through ${shown}`, cycle },
    ]);
  }
}

/** A path `start → … → start` through the reference graph, or null. The rest of the graph is acyclic. */
export function findCycle(start: string, refsOf: (key: string) => readonly string[]): string[] | null {
  const visited = new Set<string>();
  const path = [start];
  const walk = (key: string): string[] | null => {
    for (const next of refsOf(key)) {
      if (next === start) return [...path, start];
      if (visited.has(next)) continue;
      visited.add(next);
      path.push(next);
      const found = walk(next);
      if (found) return found;
      path.pop();
    }
    return null;
  };
  return walk(start);
}

import { isPlainObject } from "./values";

/**
 * SPEC §1: an experience is `needs_setup` until its audience has at least one condition. An
 * empty audience is not "everyone" — that is the explicit `{"$everyone": true}` — so that nobody
 * starts serving a payload to all visitors by forgetting to fill in the audience.
 */
export type AudienceStatus = "needs_setup" | "ready";

export function audienceStatus(audience: unknown): AudienceStatus {
  return countConditions(audience) > 0 ? "ready" : "needs_setup";
}

export function isEmptyAudience(audience: unknown): boolean {
  return audienceStatus(audience) === "needs_setup";
}

/** Leaf conditions: attribute conditions, `$segment`, `$event`, `$everyone`. Logical operators only group them. */
function countConditions(node: unknown): number {
  if (!isPlainObject(node)) return 0;
  let n = 0;
  for (const [key, value] of Object.entries(node)) {
    if (key === "$and" || key === "$or" || key === "$nor") {
      if (Array.isArray(value)) for (const child of value) n += countConditions(child);
    } else if (key === "$not") {
      n += countConditions(value);
    } else {
      n += 1;
    }
  }
  return n;
}

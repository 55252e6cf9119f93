import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { experiences, personalizations, segments } from "../../../db/schema";
import { findSegmentRefs } from "../../engine/condition/validate";
import type { SegmentReferrer } from "../../schemas/segments";

/** The segments and experiences whose condition references the segment `key` (via `$segment`). */
export async function findSegmentReferrers(
  db: Queryable,
  projectId: string,
  key: string,
  selfId: string,
): Promise<SegmentReferrer[]> {
  const mentionsSegment = (column: typeof segments.condition | typeof experiences.audience) =>
    sql`position('"$segment"' in cast(${column} as text)) > 0`;

  const ruleSegments = await db
    .select({ id: segments.id, key: segments.key, name: segments.name, condition: segments.condition })
    .from(segments)
    .where(and(eq(segments.projectId, projectId), eq(segments.type, "rule"), mentionsSegment(segments.condition)));
  const audiences = await db
    .select({
      id: experiences.id,
      name: experiences.name,
      audience: experiences.audience,
      personalizationId: personalizations.id,
      personalizationName: personalizations.name,
    })
    .from(experiences)
    .innerJoin(personalizations, eq(personalizations.id, experiences.personalizationId))
    .where(and(eq(experiences.projectId, projectId), mentionsSegment(experiences.audience)));

  const referrers: SegmentReferrer[] = [];
  for (const s of ruleSegments) {
    if (s.id !== selfId && findSegmentRefs(s.condition).includes(key)) {
      referrers.push({ type: "segment", id: s.id, key: s.key, name: s.name });
    }
  }
  for (const e of audiences) {
    if (findSegmentRefs(e.audience).includes(key)) {
      referrers.push({
        type: "experience",
        id: e.id,
        name: e.name,
        personalizationId: e.personalizationId,
        personalizationName: e.personalizationName,
      });
    }
  }
  return referrers;
}

export function describeReferrers(referrers: SegmentReferrer[]): string {
  const shown = referrers.slice(0, 10).map((r) =>
    r.type === "segment" ? `segment "${r.key}"` : `experience "${r.name}" of personalization "${r.personalizationName}"`,
  );
  const more = referrers.length > shown.length ? ` and ${referrers.length - shown.length} more` : "";
  return `${shown.join(", ")}${more}`;
}

import { and, asc, count, countDistinct, desc, eq, gte, inArray, lte, ne } from "drizzle-orm";
import { experienceExposures, experiences, metrics, personalizations, selectorGroupMembers, selectorGroups } from "../../../db/schema";
import { parseValue } from "../../http/parse-body";
import { listPersonalizationsQuerySchema, type PersonalizationSummary } from "../../schemas/personalizations";
import type { ServiceContext } from "../context";
import { toMetricView } from "../metrics/metric-view";
import { requireAccess } from "../require-access";

/** The window of the list's exposure count. */
export const EXPOSURE_WINDOW_MS = 7 * 86_400_000;

/**
 * The project's personalizations, newest first, each with its experience count, group names,
 * primary metric and the profiles first exposed in the last 7 days. Archived ones are hidden unless
 * `status=archived` asks for them.
 */
export async function listPersonalizations(
  ctx: ServiceContext,
  query: unknown,
  options: { now?: Date } = {},
): Promise<PersonalizationSummary[]> {
  requireAccess(ctx, "read");
  const { status, group } = parseValue(query, listPersonalizationsQuerySchema, "query string");
  const conditions = [
    eq(personalizations.projectId, ctx.project.id),
    status ? eq(personalizations.status, status) : ne(personalizations.status, "archived"),
  ];
  if (group !== undefined) {
    const members = ctx.db
      .select({ id: selectorGroupMembers.personalizationId })
      .from(selectorGroupMembers)
      .innerJoin(selectorGroups, eq(selectorGroups.id, selectorGroupMembers.groupId))
      .where(and(eq(selectorGroups.projectId, ctx.project.id), eq(selectorGroups.name, group)));
    conditions.push(inArray(personalizations.id, members));
  }
  const rows = await ctx.db
    .select()
    .from(personalizations)
    .where(and(...conditions))
    .orderBy(desc(personalizations.createdAt), asc(personalizations.id));
  if (rows.length === 0) return [];

  const ids = rows.map((r) => r.id);
  const until = options.now ?? new Date();
  const since = new Date(until.getTime() - EXPOSURE_WINDOW_MS);
  const [counts, primaries, groupRows, exposed] = await Promise.all([
    ctx.db
      .select({ id: experiences.personalizationId, n: count() })
      .from(experiences)
      .where(inArray(experiences.personalizationId, ids))
      .groupBy(experiences.personalizationId),
    ctx.db.select().from(metrics).where(and(inArray(metrics.personalizationId, ids), eq(metrics.primary, true))),
    ctx.db
      .select({ id: selectorGroupMembers.personalizationId, name: selectorGroups.name })
      .from(selectorGroupMembers)
      .innerJoin(selectorGroups, eq(selectorGroups.id, selectorGroupMembers.groupId))
      .where(inArray(selectorGroupMembers.personalizationId, ids))
      .orderBy(asc(selectorGroups.name)),
    // One grouped statement for the whole page, over experience_exposures' (project, personalization,
    // first_at) index. A profile first exposed to two of its experiences in the window counts once.
    ctx.db
      .select({ id: experienceExposures.personalizationId, n: countDistinct(experienceExposures.profileId) })
      .from(experienceExposures)
      .where(
        and(
          eq(experienceExposures.projectId, ctx.project.id),
          inArray(experienceExposures.personalizationId, ids),
          gte(experienceExposures.firstAt, since),
          lte(experienceExposures.firstAt, until),
        ),
      )
      .groupBy(experienceExposures.personalizationId),
  ]);
  const countOf = new Map(counts.map((c) => [c.id, Number(c.n)]));
  const exposedOf = new Map(exposed.map((e) => [e.id, Number(e.n)]));
  const primaryOf = new Map(primaries.map((m) => [m.personalizationId, toMetricView(m)]));
  const groupsOf = new Map<string, string[]>();
  for (const g of groupRows) groupsOf.set(g.id, [...(groupsOf.get(g.id) ?? []), g.name]);

  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    selector: row.selector,
    type: row.type,
    status: row.status,
    controlPercent: row.controlPercent,
    version: row.version,
    groups: groupsOf.get(row.id) ?? [],
    experienceCount: countOf.get(row.id) ?? 0,
    primaryMetric: primaryOf.get(row.id) ?? null,
    exposures7d: exposedOf.get(row.id) ?? 0,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

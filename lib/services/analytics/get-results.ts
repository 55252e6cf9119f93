import type { Results, ResultsQuery } from "../../schemas/results";
import type { ServiceContext } from "../context";
import { loadParts } from "../personalizations/personalization-view";
import { requireAccess } from "../require-access";
import { assembleResults } from "./assemble";
import { resolveRange } from "./date-range";
import { eventQuery, type EventQueryRow } from "./event-query";
import { orderMetrics, planQueries, type EventPlan, type MetricSpec } from "./metric-plan";
import { runResultsQuery } from "./run-query";
import { mergeSlices, profileSlices, type SliceOptions } from "./split";

/**
 * The results of a personalization (SPEC §7): per experience and arm, exposed users and every
 * metric's sufficient statistics computed in SQL, the tests of lib/stats on them, a total row, the
 * SRM check and the daily series. One statement per metric event (and per profile slice of a large
 * personalization), run side by side.
 */
export async function getPersonalizationResults(
  ctx: ServiceContext,
  id: string,
  query: ResultsQuery,
  options: { now?: Date; split?: SliceOptions } = {},
): Promise<Results> {
  requireAccess(ctx, "read");
  const now = options.now ?? new Date();
  const range = resolveRange(query, ctx.project.timezone, now);
  const parts = await loadParts(ctx.db, ctx.project.id, id);
  const metrics: MetricSpec[] = orderMetrics(
    parts.metrics.map((m) => ({
      id: m.id,
      event: m.event,
      measure: m.measure,
      property: m.property ?? null,
      aggregation: m.aggregation ?? null,
      primary: m.primary,
    })),
  );
  const plans = planQueries(metrics);
  // A large personalization is split by profile into slices that run side by side (split.ts); the
  // embedded database runs one statement at a time, so there it stays whole.
  const slices = ctx.handle?.pool || options.split ? await profileSlices(ctx.db, ctx.project.id, parts.row.id, options.split) : [{ from: null, to: null }];
  // Each plan's statement once per slice, all side by side; a plan's slices are added up.
  const runPlan = async (plan: EventPlan): Promise<EventQueryRow[]> => {
    const spec = { projectId: ctx.project.id, personalizationId: parts.row.id, from: range.from, to: range.to, timezone: ctx.project.timezone, ...plan };
    return mergeSlices(await Promise.all(slices.map((profiles) => runResultsQuery<EventQueryRow>(ctx.db, eventQuery({ ...spec, profiles })))));
  };
  const rows = await Promise.all(plans.map(runPlan));
  return assembleResults({
    personalization: {
      id: parts.row.id,
      name: parts.row.name,
      status: parts.row.status,
      controlPercent: parts.row.controlPercent,
    },
    experiences: parts.experiences.map((e) => ({ id: e.id, name: e.name })),
    metrics,
    plans,
    rows,
    engine: query.engine,
    range,
    timezone: ctx.project.timezone,
    generatedAt: now,
  });
}

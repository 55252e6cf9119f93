// Rows the authoring API and the data plane (choose-api, track) would write, inserted directly so the
// results tests do not depend on those paths; and the plain JavaScript reference the SQL is checked against.
import { randomBytes } from "node:crypto";
import { experienceExposures, experiences, events, exposures, metrics, personalizations } from "@/db/schema";
import type { TestProject } from "../support/fixtures";
import { call, type CallResult } from "../support/http";
import * as resultsRoute from "@/app/api/v1/[orgName]/projects/[projectName]/personalizations/[id]/results/route";
import * as csvRoute from "@/app/api/v1/[orgName]/projects/[projectName]/personalizations/[id]/results.csv/route";

export type Arm = "control" | "treatment";
export type Aggregation = "first" | "last" | "sum" | "avg" | "max" | "min";

export interface MetricInput {
  event: string;
  measure: "triggered" | "value";
  property?: string;
  aggregation?: Aggregation;
  primary?: boolean;
}

export interface Seeded {
  id: string;
  experienceIds: string[];
  metricIds: string[];
}

const suffix = () => randomBytes(4).toString("hex");

/** A running personalization with `experiences` (names, in priority order) and `metrics` (in order). */
export async function seedPersonalization(
  p: TestProject,
  options: { controlPercent?: number; experiences?: string[]; metrics?: MetricInput[]; name?: string } = {},
): Promise<Seeded> {
  const db = p.ctx.db;
  const projectId = p.ctx.project.id;
  const name = options.name ?? `Results ${suffix()}`;
  const [row] = await db
    .insert(personalizations)
    .values({
      projectId,
      name,
      selector: `results-${suffix()}`,
      status: "running",
      controlPercent: options.controlPercent ?? 50,
      startedAt: new Date("2026-01-01T00:00:00Z"),
    })
    .returning({ id: personalizations.id });
  const experienceRows = await db
    .insert(experiences)
    .values((options.experiences ?? ["A"]).map((n, i) => ({ projectId, personalizationId: row.id, name: n, priority: i + 1, audience: { $everyone: true } })))
    .returning({ id: experiences.id, priority: experiences.priority });
  experienceRows.sort((a, b) => a.priority - b.priority);
  const metricInputs = options.metrics ?? [];
  const metricRows =
    metricInputs.length === 0
      ? []
      : await db
          .insert(metrics)
          .values(
            metricInputs.map((m, i) => ({
              projectId,
              personalizationId: row.id,
              event: m.event,
              measure: m.measure,
              property: m.property ?? null,
              aggregation: m.aggregation ?? null,
              primary: m.primary ?? false,
              position: i,
            })),
          )
          .returning({ id: metrics.id, position: metrics.position });
  metricRows.sort((a, b) => a.position - b.position);
  return { id: row.id, experienceIds: experienceRows.map((e) => e.id), metricIds: metricRows.map((m) => m.id) };
}

export interface ExposureInput {
  experienceId: string;
  profileId: string;
  arm: Arm;
  at: Date;
}

/** First exposures (experience_exposures) and the matching exposure log rows. */
export async function insertExposures(p: TestProject, personalizationId: string, rows: readonly ExposureInput[]): Promise<void> {
  const projectId = p.ctx.project.id;
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000);
    await p.ctx.db.insert(experienceExposures).values(
      batch.map((r) => ({ projectId, personalizationId, experienceId: r.experienceId, profileId: r.profileId, arm: r.arm, firstAt: r.at })),
    );
    await p.ctx.db.insert(exposures).values(
      batch.map((r) => ({ projectId, personalizationId, experienceId: r.experienceId, profileId: r.profileId, arm: r.arm, createdAt: r.at })),
    );
  }
}

export interface EventInput {
  profileId: string;
  name: string;
  properties?: Record<string, unknown>;
  at: Date;
}

export async function insertEvents(p: TestProject, rows: readonly EventInput[]): Promise<void> {
  const projectId = p.ctx.project.id;
  for (let i = 0; i < rows.length; i += 1000) {
    await p.ctx.db.insert(events).values(
      rows.slice(i, i + 1000).map((r) => ({
        projectId,
        profileId: r.profileId,
        eventId: `ev-${suffix()}-${i}`,
        name: r.name,
        properties: r.properties ?? {},
        occurredAt: r.at,
      })),
    );
  }
}

// ---------------------------------------------------------------------------------------------------
// The JavaScript reference: the same figures computed the plain way, one user at a time.

export interface RefSums {
  users: number;
  n: number;
  sum: number;
  sumSquares: number;
}

/** A number from a JSON property the way the SQL reads it (numbers, and plain decimal strings). */
export function refNumber(value: unknown): number | null {
  if (typeof value === "number") return Math.abs(value) < 1e15 ? value : null;
  if (typeof value === "string" && /^\s*[-+]?[0-9]{1,15}(\.[0-9]{1,15})?\s*$/.test(value)) return Number(value);
  return null;
}

/** One user's value for a metric from their events at/after `firstAt` and before `to`; null = left out. */
export function refUserValue(metric: MetricInput, userEvents: readonly EventInput[], firstAt: Date, to: Date): number | null {
  const attributed = userEvents
    .filter((e) => e.name === metric.event && e.at.getTime() >= firstAt.getTime() && e.at.getTime() < to.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  if (metric.measure === "triggered") return attributed.length > 0 ? 1 : 0;
  const values = attributed
    .map((e) => ({ at: e.at.getTime(), v: refNumber(e.properties?.[metric.property ?? ""]) }))
    .filter((x): x is { at: number; v: number } => x.v !== null);
  if (metric.aggregation === "sum") return values.reduce((s, x) => s + x.v, 0);
  if (values.length === 0) return null;
  switch (metric.aggregation) {
    case "avg":
      return values.reduce((s, x) => s + x.v, 0) / values.length;
    case "max":
      return Math.max(...values.map((x) => x.v));
    case "min":
      return Math.min(...values.map((x) => x.v));
    case "first": {
      const t = values[0].at;
      return Math.min(...values.filter((x) => x.at === t).map((x) => x.v));
    }
    case "last": {
      const t = values[values.length - 1].at;
      return Math.max(...values.filter((x) => x.at === t).map((x) => x.v));
    }
    default:
      throw new Error(`unknown aggregation ${String(metric.aggregation)}`);
  }
}

/**
 * Per experience (and "total": each user once, from their earliest exposure) and arm, for one metric:
 * exposed users and the sums of the per-user values, over exposures with first time in [from, to).
 */
export function refStats(
  metric: MetricInput,
  exposuresIn: readonly ExposureInput[],
  eventsIn: readonly EventInput[],
  range: { from?: Date; to: Date },
): Map<string, Record<Arm, RefSums>> {
  const byProfile = new Map<string, EventInput[]>();
  for (const e of eventsIn) byProfile.set(e.profileId, [...(byProfile.get(e.profileId) ?? []), e]);
  const inRange = exposuresIn.filter((x) => (!range.from || x.at >= range.from) && x.at < range.to);
  const out = new Map<string, Record<Arm, RefSums>>();
  const add = (key: string, arm: Arm, value: number | null) => {
    const group = out.get(key) ?? {
      control: { users: 0, n: 0, sum: 0, sumSquares: 0 },
      treatment: { users: 0, n: 0, sum: 0, sumSquares: 0 },
    };
    const s = group[arm];
    s.users += 1;
    if (value !== null) {
      s.n += 1;
      s.sum += value;
      s.sumSquares += value * value;
    }
    out.set(key, group);
  };
  for (const x of inRange) add(x.experienceId, x.arm, refUserValue(metric, byProfile.get(x.profileId) ?? [], x.at, range.to));
  // The total: per (profile, arm) the earliest exposure (ties: the smaller experience id).
  const earliest = new Map<string, ExposureInput>();
  for (const x of inRange) {
    const key = `${x.profileId}\u0000${x.arm}`;
    const seen = earliest.get(key);
    if (!seen || x.at < seen.at || (x.at.getTime() === seen.at.getTime() && x.experienceId < seen.experienceId)) earliest.set(key, x);
  }
  for (const x of earliest.values()) add("total", x.arm, refUserValue(metric, byProfile.get(x.profileId) ?? [], x.at, range.to));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Calls.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Res = CallResult<any>;

export function getResults(p: TestProject, id: string, query = "", key: string | null = p.keys.manage): Promise<Res> {
  return call(resultsRoute.GET, {
    path: `${p.base}/personalizations/${encodeURIComponent(id)}/results${query ? `?${query}` : ""}`,
    params: { orgName: p.org, projectName: p.project, id },
    key: key ?? undefined,
  });
}

export function getResultsCsv(p: TestProject, id: string, query = "", key: string | null = p.keys.manage): Promise<Res> {
  return call(csvRoute.GET, {
    path: `${p.base}/personalizations/${encodeURIComponent(id)}/results.csv${query ? `?${query}` : ""}`,
    params: { orgName: p.org, projectName: p.project, id },
    key: key ?? undefined,
  });
}

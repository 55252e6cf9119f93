// Data-plane test support: configuration written straight to the tables (any status, any payload,
// control shares the authoring API refuses), and the data-plane routes called in-process.
import * as chooseRoute from "@/app/api/v1/[orgName]/projects/[projectName]/optimization/choose-api/route";
import * as trackRoute from "@/app/api/v1/[orgName]/projects/[projectName]/track/route";
import * as sourceTrackRoute from "@/app/api/v1/[orgName]/projects/[projectName]/sources/[sourceId]/track/route";
import * as previewRoute from "@/app/api/v1/[orgName]/projects/[projectName]/preview/route";
import { getDbHandle } from "@/db/connection";
import { experiences, personalizations, segmentMembers, segments, selectorGroupMembers, selectorGroups } from "@/db/schema";
import { configCacheFor } from "@/lib/cache/config-cache";
import { flushPendingWrites } from "@/lib/services/decide/write-behind";
import { call, type CallResult } from "../support/http";
import type { TestProject } from "../support/fixtures";

export interface SeedExperience {
  name?: string;
  payload?: unknown;
  audience?: Record<string, unknown> | null;
  frequency?: "always" | "once" | "once_per_visit";
  devices?: "all" | "mobile" | "desktop";
  schedule?: Record<string, unknown> | null;
}

export interface SeedPersonalization {
  selector: string;
  name?: string;
  status?: "draft" | "running" | "paused" | "archived";
  controlPercent?: number;
  groups?: string[];
  experiences?: SeedExperience[];
}

export interface Seeded {
  id: string;
  selector: string;
  experienceIds: string[];
}

/** Inserts a personalization with its experiences (priority = list order) and group memberships. */
export async function seedPersonalization(p: TestProject, spec: SeedPersonalization): Promise<Seeded> {
  const { db } = await getDbHandle();
  const projectId = p.ctx.project.id;
  const [row] = await db
    .insert(personalizations)
    .values({ projectId, name: spec.name ?? spec.selector, selector: spec.selector, status: spec.status ?? "running", controlPercent: spec.controlPercent ?? 0 })
    .returning();
  const experienceIds: string[] = [];
  const list = spec.experiences ?? [{}];
  for (const [i, e] of list.entries()) {
    const [x] = await db
      .insert(experiences)
      .values({
        projectId,
        personalizationId: row.id,
        name: e.name ?? `${spec.selector}-e${i + 1}`,
        priority: i + 1,
        payload: e.payload === undefined ? { experience: `${spec.selector}-e${i + 1}` } : e.payload,
        audience: e.audience === undefined ? { $everyone: true } : e.audience,
        frequency: e.frequency ?? "always",
        devices: e.devices ?? "all",
        schedule: e.schedule ?? null,
      })
      .returning();
    experienceIds.push(x.id);
  }
  for (const group of spec.groups ?? []) {
    const [existing] = await db
      .insert(selectorGroups)
      .values({ projectId, name: group })
      .onConflictDoNothing()
      .returning();
    const groupId = existing?.id ?? (await db.query.selectorGroups.findFirst({ where: (g, { and, eq }) => and(eq(g.projectId, projectId), eq(g.name, group)) }))?.id;
    if (!groupId) throw new Error(`group ${group} missing`);
    await db.insert(selectorGroupMembers).values({ projectId, groupId, personalizationId: row.id });
  }
  await refresh(p);
  return { id: row.id, selector: spec.selector, experienceIds };
}

export async function seedSegment(p: TestProject, spec: { key: string; type: "rule" | "static"; condition?: Record<string, unknown>; members?: string[] }): Promise<void> {
  const { db } = await getDbHandle();
  const [row] = await db
    .insert(segments)
    .values({ projectId: p.ctx.project.id, key: spec.key, name: spec.key, type: spec.type, condition: spec.condition ?? null })
    .returning();
  for (const userId of spec.members ?? []) await db.insert(segmentMembers).values({ projectId: p.ctx.project.id, segmentId: row.id, userId });
  await refresh(p);
}

/** Direct writes publish nothing: drop the project's cached configuration by hand. */
export async function refresh(p: TestProject): Promise<void> {
  configCacheFor(await getDbHandle()).invalidate(p.ctx.project.id);
}

const params = (p: TestProject, extra: Record<string, string> = {}) => ({ orgName: p.org, projectName: p.project, ...extra });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Res = CallResult<any>;

export function choose(p: TestProject, body: unknown, options: { key?: string; headers?: Record<string, string> } = {}): Promise<Res> {
  return call(chooseRoute.POST, { path: `${p.base}/optimization/choose-api`, params: params(p), body, key: options.key ?? p.keys.decide, headers: options.headers });
}

export function track(p: TestProject, body: unknown, options: { key?: string; sourceId?: string | number } = {}): Promise<Res> {
  if (options.sourceId !== undefined) {
    const sourceId = String(options.sourceId);
    return call(sourceTrackRoute.POST, { path: `${p.base}/sources/${sourceId}/track`, params: params(p, { sourceId }), body, key: options.key ?? p.keys.track });
  }
  return call(trackRoute.POST, { path: `${p.base}/track`, params: params(p), body, key: options.key ?? p.keys.track });
}

export function preview(p: TestProject, body: unknown, options: { key?: string } = {}): Promise<Res> {
  return call(previewRoute.POST, { path: `${p.base}/preview`, params: params(p), body, key: options.key ?? p.keys.manage });
}

/** The single choice of a one-name request. */
export async function chooseOneName(p: TestProject, name: string, identification: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const res = await choose(p, { identification, names: [name], ...extra });
  if (res.status !== 200) throw new Error(`choose-api answered ${res.status}: ${res.text}`);
  return res.json.choices[0] as { name: string; reason: string; body: unknown; experienceId: string | null; variant: string | null; group: string | null };
}

/** Rows of a table for the project, after the write-behind buffer is flushed. */
export async function rows<T = Record<string, unknown>>(p: TestProject, sql: string, extra: unknown[] = []): Promise<T[]> {
  await flushPendingWrites();
  const handle = await getDbHandle();
  return handle.query<T>(sql, [p.ctx.project.id, ...extra]);
}

/** The internal profile id of an anonymous profileId or user id. */
export async function profileIdOf(p: TestProject, by: { profileId?: string; userId?: string }): Promise<string | null> {
  const handle = await getDbHandle();
  const found = by.userId
    ? await handle.query<{ id: string }>("select coalesce(merged_into_id, id) as id from profiles where project_id = $1 and user_id = $2", [p.ctx.project.id, by.userId])
    : await handle.query<{ id: string }>(
        "select coalesce(p.merged_into_id, p.id) as id from profile_ids i join profiles p on p.id = i.profile_id where i.project_id = $1 and i.value = $2",
        [p.ctx.project.id, by.profileId],
      );
  return found[0]?.id ?? null;
}

import type { DbHandle } from "../../../db/client";
import type { Arm, EngineEvent } from "../../engine";
import { lookupOf, profileIdLookup, userIdLookup, type IdentityLookup } from "../profiles-identity/lookup";
import { Batcher, batcherPerHandle } from "./batcher";
import type { Identity } from "../profiles-identity/profile-key";
import { hotQuery } from "../profiles-identity/raw-sql";
import type { ReadPlan } from "./read-plan";

/** At most this many events (the most recent) are read per decision; `$event` counts beyond it are capped. */
export const MAX_EVENTS_PER_DECISION = 5000;

/**
 * The read of decisions — one statement, one round trip, for every decision the batcher gathered
 * (batcher.ts; usually one, under load many). For each request row it resolves the identity (the
 * profile of the `userId`, else of the anonymous `profileId`, one `merged_into_id` hop followed:
 * lookup.ts's subqueries) and, for that profile, returns what the request's read plan asks for: attributes,
 * the current visit (the request's `sessionId`, or the stored visit if the profile was active in
 * the last 30 minutes, else none: a new visit starts), the events of the planned names within
 * their windows (each name and window an index range; names whose properties no condition reads
 * come from the index alone, without their rows), the static segment memberships of the user id, the sticky arms, and the earlier
 * `once` claims and `once_per_visit` claims of this visit.
 *
 * $1 the requests as JSON: [{i, project, pid, uid, sid, now (epoch ms), en: event names, ew: their
 * windows (ms, null = all time), pn: names whose properties are needed, pers: personalization ids,
 * once: `once` experience ids, visit: `once_per_visit` experience ids, segs: static segment keys}];
 * $2 the event limit per request.
 */
const READ = `
with r as (
  select * from json_to_recordset($1::json) as r(i int, project text, pid text, uid text, sid text, now float8,
    en text[], ew float8[], pn text[], pers text[], once text[], visit text[], segs text[]))
select r.i, pid.id as pid_target, uid.id as uid_target,
  (select q.user_id from profiles q where r.uid is not null and q.id = pid.id) as pid_user,
  t.id, t.user_id, t.account_id, t.attributes, t.account_attributes, t.visit_id as stored_visit_id,
  extract(epoch from t.last_activity_at)::float8 * 1000 as last_activity_ms,
  v.visit_id,
  case when t.id is not null and cardinality(r.en) > 0 then (
    select json_agg(json_build_array(e.name, extract(epoch from e.occurred_at)::float8 * 1000, e.properties))
      from (select e.name, e.occurred_at, e.properties
              from (select n.name, coalesce(to_timestamp((r.now - n.window_ms) / 1000), '-infinity') as since, n.name = any(r.pn) as props
                      from unnest(r.en, r.ew) as n(name, window_ms)) n
              cross join lateral (
                select e.name, e.occurred_at, e.properties from events e
                 where n.props and e.project_id = r.project and e.profile_id = t.id and e.name = n.name and e.occurred_at >= n.since
                union all
                select e.name, e.occurred_at, null from events e
                 where not n.props and e.project_id = r.project and e.profile_id = t.id and e.name = n.name and e.occurred_at >= n.since) e
             order by e.occurred_at desc
             limit $2) e) end as events,
  case when cardinality(r.segs) > 0 and coalesce(t.user_id, r.uid) is not null then (
    select array_agg(s.key)
      from segment_members m join segments s on s.id = m.segment_id
     where m.project_id = r.project and m.user_id = coalesce(t.user_id, r.uid) and s.key = any(r.segs)) end as static_segments,
  case when t.id is not null and cardinality(r.pers) > 0 then (
    select json_object_agg(a.personalization_id, a.arm)
      from assignments a where a.personalization_id = any(r.pers) and a.profile_id = t.id) end as assignments,
  case when t.id is not null and cardinality(r.once) > 0 then (
    select array_agg(x.experience_id)
      from experience_exposures x where x.experience_id = any(r.once) and x.profile_id = t.id) end as exposed_ever,
  case when t.id is not null and cardinality(r.visit) > 0 then (
    select array_agg(x.experience_id)
      from visit_exposures x
     where x.experience_id = any(r.visit) and x.profile_id = t.id and x.visit_id = v.visit_id) end as exposed_this_visit
from r
left join lateral (${profileIdLookup("r.project", "r.pid")}) pid on true
left join lateral (${userIdLookup("r.project", "r.uid")}) uid on true
left join profiles t on t.id = coalesce(uid.id, pid.id)
cross join lateral (
  select case when r.sid is not null then r.sid
              when t.last_activity_at >= to_timestamp(r.now / 1000) - interval '30 minutes' then t.visit_id
         end as visit_id) v`;

interface ReadRow {
  i: number;
  pid_target: string | null;
  uid_target: string | null;
  pid_user: string | null;
  id: string | null;
  user_id: string | null;
  account_id: string | null;
  attributes: Record<string, unknown> | null;
  account_attributes: Record<string, unknown> | null;
  stored_visit_id: string | null;
  last_activity_ms: number | null;
  visit_id: string | null;
  events: [string, number, Record<string, unknown> | null][] | null;
  static_segments: string[] | null;
  assignments: Record<string, Arm> | null;
  exposed_ever: string[] | null;
  exposed_this_visit: string[] | null;
}

/** The profile as one decision sees it. */
export interface ProfileState {
  readonly id: string;
  readonly exists: boolean;
  readonly userId: string | null;
  readonly accountId: string | null;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly accountAttributes: Readonly<Record<string, unknown>>;
  /** The visit this request belongs to; null when a new one starts. */
  readonly visitId: string | null;
  readonly storedVisitId: string | null;
  readonly lastActivityMs: number | null;
  readonly events: readonly EngineEvent[];
  readonly staticSegments: ReadonlySet<string>;
  readonly assignments: ReadonlyMap<string, Arm>;
  readonly exposedEver: Set<string>;
  readonly exposedThisVisit: Set<string>;
}

export interface ReadResult {
  readonly lookup: IdentityLookup;
  /** The profile the read found (the user's, else the device's), or null. */
  readonly profile: ProfileState | null;
  readonly staticSegments: ReadonlySet<string>;
}

const NO_PROPERTIES: Readonly<Record<string, unknown>> = Object.freeze({});
const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({});

/** One decision's read, as the batched statement takes it. */
export interface ReadRequest {
  readonly projectId: string;
  readonly identity: Identity;
  readonly sessionId: string | null;
  readonly plan: ReadPlan;
  readonly now: number;
}

/** The batched read itself: one statement for all `requests`, results in their order. */
export async function readStates(handle: DbHandle, requests: readonly ReadRequest[]): Promise<ReadResult[]> {
  const json = requests.map((r, i) => ({
    i,
    project: r.projectId,
    pid: r.identity.profileId,
    uid: r.identity.userId,
    sid: r.sessionId,
    now: r.now,
    en: r.plan.eventNames,
    ew: r.plan.eventWindows,
    pn: r.plan.propertyNames,
    pers: r.plan.personalizationIds,
    once: r.plan.onceExperiences,
    visit: r.plan.visitExperiences,
    segs: r.plan.staticSegments,
  }));
  const rows = await hotQuery<ReadRow>(handle, "bespoke_decide_read", READ, [JSON.stringify(json), MAX_EVENTS_PER_DECISION]);
  const results: ReadResult[] = new Array<ReadResult>(requests.length);
  for (const row of rows) results[row.i] = resultOf(row);
  return results;
}

/** Concurrent reads share a statement; one is in flight per process and database at a time. */
const readBatcher = batcherPerHandle((handle: DbHandle) => new Batcher<ReadRequest, ReadResult>((requests) => readStates(handle, requests), { maxInFlight: 1, maxBatch: 64 }));

export function readState(handle: DbHandle, projectId: string, identity: Identity, sessionId: string | null, plan: ReadPlan, now: number): Promise<ReadResult> {
  return readBatcher(handle).submit({ projectId, identity, sessionId, plan, now });
}

function resultOf(row: ReadRow): ReadResult {
  const staticSegments = new Set(row.static_segments ?? []);
  if (!row.id) return { lookup: lookupOf(row), profile: null, staticSegments };
  const events: EngineEvent[] = (row.events ?? []).map(([name, occurredAt, properties]) => ({ name, occurredAt, properties: properties ?? NO_PROPERTIES }));
  return {
    lookup: lookupOf(row),
    staticSegments,
    profile: {
      id: row.id,
      exists: true,
      userId: row.user_id,
      accountId: row.account_id,
      attributes: row.attributes ?? EMPTY,
      accountAttributes: row.account_attributes ?? EMPTY,
      visitId: row.visit_id,
      storedVisitId: row.stored_visit_id,
      lastActivityMs: row.last_activity_ms,
      events,
      staticSegments,
      assignments: new Map(Object.entries(row.assignments ?? {})),
      exposedEver: new Set(row.exposed_ever ?? []),
      exposedThisVisit: new Set(row.exposed_this_visit ?? []),
    },
  };
}

/** A profile with nothing recorded yet: just created, or not written at all (`recordExposure: false`). */
export function blankProfile(id: string, exists: boolean, sessionId: string | null, staticSegments: ReadonlySet<string>, userId: string | null): ProfileState {
  return {
    id,
    exists,
    userId,
    accountId: null,
    attributes: EMPTY,
    accountAttributes: EMPTY,
    visitId: sessionId,
    storedVisitId: null,
    lastActivityMs: null,
    events: [],
    staticSegments,
    assignments: new Map(),
    exposedEver: new Set(),
    exposedThisVisit: new Set(),
  };
}

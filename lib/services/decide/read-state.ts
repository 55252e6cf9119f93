import type { DbHandle } from "../../../db/client";
import type { Arm, EngineEvent } from "../../engine";
import { LOOKUP_COLUMNS, LOOKUP_CTES, lookupOf, type IdentityLookup } from "../profiles-identity/lookup";
import type { Identity } from "../profiles-identity/profile-key";
import { hotQuery } from "../profiles-identity/raw-sql";
import type { ReadPlan } from "./read-plan";

/** At most this many events (the most recent) are read per decision; `$event` counts beyond it are capped. */
export const MAX_EVENTS_PER_DECISION = 5000;

/**
 * The read of a decision — one statement, one round trip. It resolves the identity (the profile of
 * the `userId`, else of the anonymous `profileId`, one `merged_into_id` hop followed) and, for
 * that profile, returns what the read plan asks for: attributes, the current visit (the request's
 * `sessionId`, or the stored visit if the profile was active in the last 30 minutes, else none:
 * a new visit starts), the events of the planned names within their windows, the static segment
 * memberships of the user id, the sticky arms, and the earlier `once` claims and `once_per_visit`
 * claims of this visit.
 *
 * $1 project, $2 profileId, $3 userId, $4 now (epoch ms), $5 sessionId, $6 event names,
 * $7 their windows (ms, null = all time), $8 names whose properties are needed, $9 personalization
 * ids, $10 `once` experience ids, $11 `once_per_visit` experience ids, $12 static segment keys,
 * $13 event limit.
 */
const READ = `
with ${LOOKUP_CTES},
  t as (
    select p.id, p.user_id, p.account_id, p.attributes, p.account_attributes, p.visit_id, p.last_activity_at
      from profiles p
     where p.id = coalesce((select id from uid), (select id from pid))),
  v as (
    select case when $5::text is not null then $5::text
                when t.last_activity_at >= to_timestamp($4::float8 / 1000) - interval '30 minutes' then t.visit_id
           end as visit_id
      from t)
select ${LOOKUP_COLUMNS},
  t.id, t.user_id, t.account_id, t.attributes, t.account_attributes, t.visit_id as stored_visit_id,
  extract(epoch from t.last_activity_at)::float8 * 1000 as last_activity_ms,
  (select visit_id from v) as visit_id,
  case when t.id is not null and cardinality($6::text[]) > 0 then (
    select json_agg(json_build_array(e.name, extract(epoch from e.occurred_at)::float8 * 1000,
                                     case when e.name = any($8::text[]) then e.properties end))
      from (select e.name, e.occurred_at, e.properties
              from unnest($6::text[], $7::float8[]) as n(name, window_ms)
              join events e on e.project_id = $1 and e.profile_id = t.id and e.name = n.name
                           and (n.window_ms is null or e.occurred_at >= to_timestamp(($4::float8 - n.window_ms) / 1000))
             order by e.occurred_at desc
             limit $13) e) end as events,
  case when cardinality($12::text[]) > 0 and coalesce(t.user_id, $3::text) is not null then (
    select array_agg(s.key)
      from segment_members m join segments s on s.id = m.segment_id
     where m.project_id = $1 and m.user_id = coalesce(t.user_id, $3::text) and s.key = any($12::text[])) end as static_segments,
  case when t.id is not null and cardinality($9::text[]) > 0 then (
    select json_object_agg(a.personalization_id, a.arm)
      from assignments a where a.personalization_id = any($9::text[]) and a.profile_id = t.id) end as assignments,
  case when t.id is not null and cardinality($10::text[]) > 0 then (
    select array_agg(x.experience_id)
      from experience_exposures x where x.experience_id = any($10::text[]) and x.profile_id = t.id) end as exposed_ever,
  case when t.id is not null and cardinality($11::text[]) > 0 then (
    select array_agg(x.experience_id)
      from visit_exposures x
     where x.experience_id = any($11::text[]) and x.profile_id = t.id and x.visit_id = (select visit_id from v)) end as exposed_this_visit
from (select 1) as one left join t on true`;

interface ReadRow {
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

export async function readState(handle: DbHandle, projectId: string, identity: Identity, sessionId: string | null, plan: ReadPlan, now: number): Promise<ReadResult> {
  const [row] = await hotQuery<ReadRow>(handle, "bespoke_decide_read", READ, [
    projectId,
    identity.profileId,
    identity.userId,
    now,
    sessionId,
    plan.eventNames,
    plan.eventWindows,
    plan.propertyNames,
    plan.personalizationIds,
    plan.onceExperiences,
    plan.visitExperiences,
    plan.staticSegments,
    MAX_EVENTS_PER_DECISION,
  ]);
  const staticSegments = new Set(row?.static_segments ?? []);
  if (!row?.id) return { lookup: lookupOf(row), profile: null, staticSegments };
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

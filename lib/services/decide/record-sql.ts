import { lastActivitySql, nextVisitSql } from "../profiles-identity/visit";

/**
 * The `locked` and `touch` CTEs both writes share: the activity of the profiles in `rows` (a CTE
 * with one row per profile) — the visit rule applied atomically, the latest activity kept, the
 * account set — with the profiles locked in id order first, so two such statements cannot deadlock
 * on each other's profiles. `touch` returns (id, visit_id) of every profile it updated.
 */
function touchProfiles(rows: string, c: { id: string; now: string; session: string; proposed: string; account: string; where?: string }): string {
  return `
  locked as (
    select p.id from profiles p where p.id in (select ${c.id} from ${rows}${c.where ? ` where ${c.where}` : ""}) order by p.id for update),
  touch as (
    update profiles p set
      visit_id = ${nextVisitSql(c.now, c.session, c.proposed, "p")},
      last_activity_at = ${lastActivitySql(c.now, "p")},
      account_id = coalesce(${c.account}, p.account_id)
    from ${rows}, locked where p.id = ${c.id} and locked.id = p.id
    returning p.id, p.visit_id)`;
}

/** The instant of an epoch-milliseconds column (the decisions' and exposures' `now`) as a timestamp. */
const at = (msColumn: string) => `to_timestamp(${msColumn} / 1000)`;

/**
 * The synchronous write of decisions that claim a `once` or `once_per_visit` display — one
 * statement, one round trip, for every such decision the batcher gathered (batcher.ts; never two of
 * one profile). For each it records the activity (the visit rule applied atomically), claims each
 * display with INSERT … ON CONFLICT DO NOTHING (the first exposure per experience and profile, the
 * exposure per visit), and only for the displays it won (and every `always` one) logs the exposure
 * and stores a new sticky arm. It returns, per decision, the experiences whose claim was lost to a
 * concurrent request; the caller decides those selectors again (the engine's claim protocol).
 * Profiles are locked (touchProfiles), and rows inserted, in id order.
 *
 * $1 the decisions as JSON [{i, project, profile, now (ms), sid, proposed (visit id), account,
 * touch (update the profile's activity?)}], $2 their displays as JSON [{i, per, exp, arm, freq,
 * new_assign}].
 */
export const RECORD_CLAIMS = `
with
  q as (select * from json_to_recordset($1::json) as q(i int, project text, profile text, now float8, sid text, proposed text, account text, touch boolean)),
  ${touchProfiles("q", { id: "q.profile", now: at("q.now"), session: "q.sid", proposed: "q.proposed", account: "q.account", where: "q.touch" }).trim()},
  visit as (
    select q.i, q.project, q.profile, q.now, coalesce(touch.visit_id, q.sid, q.proposed) as id
      from q left join touch on touch.id = q.profile),
  rr as (
    select x.*, visit.project, visit.profile, visit.now, visit.id as visit_id
      from json_to_recordset($2::json) as x(i int, per text, exp text, arm text, freq text, new_assign boolean)
      join visit on visit.i = x.i),
  first as (
    insert into experience_exposures (project_id, personalization_id, experience_id, profile_id, arm, first_at)
    select rr.project, rr.per, rr.exp, rr.profile, rr.arm::arm, ${at("rr.now")} from rr order by rr.profile, rr.exp
    on conflict do nothing
    returning profile_id, experience_id),
  per_visit as (
    insert into visit_exposures (project_id, experience_id, profile_id, visit_id, created_at)
    select rr.project, rr.exp, rr.profile, rr.visit_id, ${at("rr.now")} from rr where rr.freq = 'once_per_visit' order by rr.profile, rr.exp
    on conflict do nothing
    returning profile_id, experience_id),
  ok as (
    select rr.* from rr
     where rr.freq = 'always'
        or (rr.freq = 'once' and exists (select 1 from first f where f.profile_id = rr.profile and f.experience_id = rr.exp))
        or (rr.freq = 'once_per_visit' and exists (select 1 from per_visit v where v.profile_id = rr.profile and v.experience_id = rr.exp))),
  logged as (
    insert into exposures (project_id, personalization_id, experience_id, profile_id, arm, visit_id, created_at)
    select ok.project, ok.per, ok.exp, ok.profile, ok.arm::arm, ok.visit_id, ${at("ok.now")} from ok
    returning 1),
  assigned as (
    insert into assignments (project_id, personalization_id, profile_id, arm, created_at)
    select ok.project, ok.per, ok.profile, ok.arm::arm, ${at("ok.now")} from ok where ok.new_assign order by ok.profile, ok.per
    on conflict do nothing
    returning 1)
select visit.i, visit.id as visit_id,
       (select count(*)::int from logged) as logged,
       coalesce((select array_agg(rr.exp) from rr
                  where rr.i = visit.i and not exists (select 1 from ok where ok.i = rr.i and ok.exp = rr.exp)), '{}') as lost
  from visit`;

/**
 * The write-behind flush (see write-behind.ts): the activity of many profiles and the exposures of
 * their `always` displays, in one statement. Profiles are locked in id order (touchProfiles).
 *
 * $1 touches as JSON [{id, at_ms, session, proposed, account}], $2 exposures as JSON
 * [{project, per, exp, profile, arm, at_ms, visit, session, new_assign}]. An exposure is logged in its
 * request's session when it named one, else in the visit the flush settled the profile on (the
 * latest activity of the profile in the batch wins, as for the profile itself).
 */
export const FLUSH = `
with
  t as (select * from json_to_recordset($1::json) as t(id text, at_ms float8, session text, proposed text, account text)),
  ${touchProfiles("t", { id: "t.id", now: at("t.at_ms"), session: "t.session", proposed: "t.proposed", account: "t.account" }).trim()},
  x as (select * from json_to_recordset($2::json) as x(project text, per text, exp text, profile text, arm text, at_ms float8, visit text, session text, new_assign boolean)),
  logged as (
    insert into exposures (project_id, personalization_id, experience_id, profile_id, arm, visit_id, created_at)
    select x.project, x.per, x.exp, x.profile, x.arm::arm, coalesce(x.session, touch.visit_id, x.visit), ${at("x.at_ms")}
      from x left join touch on touch.id = x.profile),
  first as (
    insert into experience_exposures (project_id, personalization_id, experience_id, profile_id, arm, first_at)
    select distinct on (x.exp, x.profile) x.project, x.per, x.exp, x.profile, x.arm::arm, ${at("x.at_ms")}
      from x order by x.exp, x.profile, x.at_ms
    on conflict do nothing),
  assigned as (
    insert into assignments (project_id, personalization_id, profile_id, arm, created_at)
    select distinct on (x.per, x.profile) x.project, x.per, x.profile, x.arm::arm, ${at("x.at_ms")}
      from x where x.new_assign order by x.per, x.profile, x.at_ms
    on conflict do nothing)
select (select count(*)::int from touch) as touched`;

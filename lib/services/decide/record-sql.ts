import { lastActivitySql, nextVisitSql } from "../profiles-identity/visit";

const NOW = "to_timestamp($3::float8 / 1000)";

/**
 * The synchronous write of a decision that claims a `once` or `once_per_visit` display — one
 * statement, one round trip: it records the activity (the visit rule applied atomically), claims
 * each display with INSERT … ON CONFLICT DO NOTHING (the first exposure per experience and
 * profile, the exposure per visit), and only for the displays it won (and every `always` one)
 * logs the exposure and stores a new sticky arm. It returns the experiences whose claim was lost
 * to a concurrent request; the caller decides those selectors again (the engine's claim protocol).
 *
 * $1 project, $2 profile, $3 now (ms), $4 sessionId, $5 proposed visit id, $6 accountId,
 * $7 touch the profile?, $8 personalization ids, $9 experience ids, $10 arms, $11 frequencies,
 * $12 new-assignment flags.
 */
export const RECORD_CLAIMS = `
with
  touch as (
    update profiles set
      visit_id = ${nextVisitSql(NOW, "$4::text", "$5::text")},
      last_activity_at = ${lastActivitySql(NOW)},
      account_id = coalesce($6::text, account_id)
    where id = $2 and $7::boolean
    returning visit_id),
  visit as (select coalesce((select visit_id from touch), $4::text, $5::text) as id),
  r as (select * from unnest($8::text[], $9::text[], $10::text[], $11::text[], $12::boolean[]) as r(per, exp, arm, freq, new_assign)),
  first as (
    insert into experience_exposures (project_id, personalization_id, experience_id, profile_id, arm, first_at)
    select $1, r.per, r.exp, $2, r.arm::arm, ${NOW} from r
    on conflict do nothing
    returning experience_id),
  per_visit as (
    insert into visit_exposures (project_id, experience_id, profile_id, visit_id, created_at)
    select $1, r.exp, $2, (select id from visit), ${NOW} from r where r.freq = 'once_per_visit'
    on conflict do nothing
    returning experience_id),
  ok as (
    select r.* from r
     where r.freq = 'always'
        or (r.freq = 'once' and r.exp in (select experience_id from first))
        or (r.freq = 'once_per_visit' and r.exp in (select experience_id from per_visit))),
  logged as (
    insert into exposures (project_id, personalization_id, experience_id, profile_id, arm, visit_id, created_at)
    select $1, ok.per, ok.exp, $2, ok.arm::arm, (select id from visit), ${NOW} from ok
    returning 1),
  assigned as (
    insert into assignments (project_id, personalization_id, profile_id, arm, created_at)
    select $1, ok.per, $2, ok.arm::arm, ${NOW} from ok where ok.new_assign
    on conflict do nothing
    returning 1)
select (select id from visit) as visit_id,
       (select count(*)::int from logged) as logged,
       coalesce((select array_agg(r.exp) from r where r.exp not in (select exp from ok)), '{}') as lost`;

const FLUSH_NOW = "to_timestamp(t.at_ms / 1000)";

/**
 * The write-behind flush (see write-behind.ts): the activity of many profiles and the exposures of
 * their `always` displays, in one statement.
 *
 * $1 touches as JSON [{id, at_ms, session, proposed, account}], $2 exposures as JSON
 * [{project, per, exp, profile, arm, at_ms, visit, new_assign}].
 */
export const FLUSH = `
with
  t as (select * from json_to_recordset($1::json) as t(id text, at_ms float8, session text, proposed text, account text)),
  touch as (
    update profiles p set
      visit_id = ${nextVisitSql(FLUSH_NOW, "t.session", "t.proposed", "p")},
      last_activity_at = ${lastActivitySql(FLUSH_NOW, "p")},
      account_id = coalesce(t.account, p.account_id)
    from t where p.id = t.id
    returning p.id, p.visit_id),
  x as (select * from json_to_recordset($2::json) as x(project text, per text, exp text, profile text, arm text, at_ms float8, visit text, new_assign boolean)),
  logged as (
    insert into exposures (project_id, personalization_id, experience_id, profile_id, arm, visit_id, created_at)
    select x.project, x.per, x.exp, x.profile, x.arm::arm, coalesce((select touch.visit_id from touch where touch.id = x.profile), x.visit),
           to_timestamp(x.at_ms / 1000)
      from x),
  first as (
    insert into experience_exposures (project_id, personalization_id, experience_id, profile_id, arm, first_at)
    select distinct on (x.exp, x.profile) x.project, x.per, x.exp, x.profile, x.arm::arm, to_timestamp(x.at_ms / 1000)
      from x order by x.exp, x.profile, x.at_ms
    on conflict do nothing),
  assigned as (
    insert into assignments (project_id, personalization_id, profile_id, arm, created_at)
    select distinct on (x.per, x.profile) x.project, x.per, x.profile, x.arm::arm, to_timestamp(x.at_ms / 1000)
      from x where x.new_assign order by x.per, x.profile, x.at_ms
    on conflict do nothing)
select (select count(*)::int from touch) as touched`;

import { unionPreferring, type Attributes } from "./attributes";
import { RetryTransaction, type RawQuery } from "./raw-sql";

const MERGE = `
with
  ids as (update profile_ids set profile_id = $3 where project_id = $1 and profile_id = $2),
  ev as (update events set profile_id = $3 where project_id = $1 and profile_id = $2),
  ex as (update exposures set profile_id = $3 where project_id = $1 and profile_id = $2),
  ee_move as (
    insert into experience_exposures (project_id, personalization_id, experience_id, profile_id, arm, first_at)
    select project_id, personalization_id, experience_id, $3, arm, first_at from experience_exposures where profile_id = $2
    on conflict do nothing),
  ee_drop as (delete from experience_exposures where profile_id = $2),
  ve_move as (
    insert into visit_exposures (project_id, experience_id, profile_id, visit_id, created_at)
    select project_id, experience_id, $3, visit_id, created_at from visit_exposures where profile_id = $2
    on conflict do nothing),
  ve_drop as (delete from visit_exposures where profile_id = $2),
  as_move as (
    insert into assignments (project_id, personalization_id, profile_id, arm, created_at)
    select project_id, personalization_id, $3, arm, created_at from assignments where profile_id = $2
    on conflict do nothing),
  as_drop as (delete from assignments where profile_id = $2),
  chain as (update profiles set merged_into_id = $3, updated_at = now() where project_id = $1 and merged_into_id = $2),
  gone as (update profiles set merged_into_id = $3, updated_at = now() where id = $2)
update profiles t
   set attributes = $4::jsonb,
       account_attributes = $5::jsonb,
       account_id = coalesce(t.account_id, f.account_id),
       source_id = coalesce(t.source_id, f.source_id),
       visit_id = case when f.last_activity_at > coalesce(t.last_activity_at, '-infinity') then f.visit_id else t.visit_id end,
       last_activity_at = greatest(t.last_activity_at, f.last_activity_at),
       updated_at = now()
  from profiles f
 where f.id = $2 and t.id = $3`;

interface LockedProfile {
  id: string;
  merged_into_id: string | null;
  attributes: Attributes | null;
  account_attributes: Attributes | null;
}

/**
 * Merges profile `fromId` into `intoId`, which survives (SPEC §2: the arm survives sign-in). In one
 * statement, under row locks on both profiles: anonymous ids, events and exposures move over; the
 * `once`/`once_per_visit` claims and the sticky arms move too, except where the survivor already
 * has one — then the survivor's row wins; attributes are unioned, the survivor's values winning;
 * the more recent visit continues. The merged profile keeps its `userId` (so that id still finds
 * the survivor) and points at it with `merged_into_id`, as does every profile merged into it
 * before: chains stay one hop long. Runs inside the caller's transaction.
 */
export async function mergeProfiles(q: RawQuery, projectId: string, fromId: string, intoId: string): Promise<void> {
  if (fromId === intoId) return;
  const rows = await q<LockedProfile>(
    `select id, merged_into_id, attributes, account_attributes from profiles
      where project_id = $1 and id = any($2::text[]) order by id for update`,
    [projectId, [fromId, intoId]],
  );
  const from = rows.find((r) => r.id === fromId);
  const into = rows.find((r) => r.id === intoId);
  if (!from || !into) throw new RetryTransaction("a profile to merge is gone");
  if (into.merged_into_id !== null) throw new RetryTransaction("the surviving profile was merged meanwhile");
  if (from.merged_into_id !== null) return; // someone merged it already
  const attributes = unionPreferring(from.attributes ?? {}, into.attributes ?? {});
  const accountAttributes = unionPreferring(from.account_attributes ?? {}, into.account_attributes ?? {});
  await q(MERGE, [projectId, fromId, intoId, JSON.stringify(attributes), JSON.stringify(accountAttributes)]);
}

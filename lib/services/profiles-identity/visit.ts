/**
 * Visits (SPEC §2): a request's `sessionId` is its visit; without one, a visit ends after 30
 * minutes without a choose call or an event from the profile. The profile row holds the current
 * visit (`visit_id`) and the last activity (`last_activity_at`).
 *
 * The rule is applied by the database in the statement that records the activity, so concurrent
 * requests agree on one visit: a new visit id is only written when the stored activity is stale
 * at that moment. `$now` below is a timestamptz expression, `$session` and `$proposed` text.
 */
export const VISIT_TIMEOUT_MS = 30 * 60_000;

export function nextVisitSql(now: string, session: string, proposed: string, table = ""): string {
  const col = (name: string) => (table ? `${table}.${name}` : name);
  return `case when ${session} is not null then ${session}
              when ${col("last_activity_at")} >= ${now} - interval '30 minutes' and ${col("visit_id")} is not null then ${col("visit_id")}
              else ${proposed} end`;
}

export function lastActivitySql(now: string, table = ""): string {
  const col = table ? `${table}.last_activity_at` : "last_activity_at";
  return `greatest(coalesce(${col}, ${now}), ${now})`;
}

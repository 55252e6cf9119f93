import type { DbHandle } from "../../../db/client";
import { profiles } from "../../../db/schema";
import type { ProfileQuery } from "../../schemas/profiles";
import { and, eq } from "drizzle-orm";

type ProfileRow = typeof profiles.$inferSelect;

/** Merge chains are short (a device id, then a sign-in); this bounds a corrupt one. */
const MAX_HOPS = 32;

/**
 * The profile a `userId` or anonymous `profileId` designates today: the matching profile, followed
 * along `merged_into_id` to the one it was merged into; plus the ids of every profile merged into
 * that survivor (directly or through others). Null when nothing matches.
 */
export async function resolveProfile(
  handle: DbHandle,
  projectId: string,
  query: ProfileQuery,
): Promise<{ profile: ProfileRow; mergedIds: string[] } | null> {
  const db = handle.db;
  let startId: string | undefined;
  if (query.userId !== undefined) {
    const [row] = await handle.query<{ id: string }>(
      "select id from profiles where project_id = $1 and user_id = $2 order by merged_into_id is not null limit 1",
      [projectId, query.userId],
    );
    startId = row?.id;
  } else {
    const [row] = await handle.query<{ profile_id: string }>(
      "select profile_id from profile_ids where project_id = $1 and value = $2",
      [projectId, query.profileId],
    );
    startId = row?.profile_id;
  }
  if (startId === undefined) return null;

  let profile: ProfileRow | undefined;
  const visited = new Set<string>();
  for (let id: string | null = startId; id !== null && !visited.has(id) && visited.size < MAX_HOPS; ) {
    visited.add(id);
    const [row]: ProfileRow[] = await db
      .select()
      .from(profiles)
      .where(and(eq(profiles.projectId, projectId), eq(profiles.id, id)));
    if (!row) break;
    profile = row;
    id = row.mergedIntoId;
  }
  if (!profile) return null;

  // UNION (not UNION ALL) stops at a cycle.
  const merged = await handle.query<{ id: string }>(
    `with recursive merged(id) as (
       select id from profiles where project_id = $1 and merged_into_id = $2
       union
       select p.id from profiles p join merged m on p.merged_into_id = m.id where p.project_id = $1
     )
     select id from merged where id <> $2 order by id`,
    [projectId, profile.id],
  );
  return { profile, mergedIds: merged.map((r) => r.id) };
}

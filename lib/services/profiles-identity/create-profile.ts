import type { DbHandle } from "../../../db/client";
import { derivedProfileId, type Identity } from "./profile-key";
import { hotQuery } from "./raw-sql";
import { CREATE_PROFILE, type ResolveOptions } from "./resolve";

/**
 * The common first visit — neither identifier known — in one autocommit statement, without a
 * transaction: the profile (with its derived id) and its `profileId` link are inserted together,
 * ON CONFLICT DO NOTHING. Null when a concurrent request got there first (the caller reads again;
 * the derived id makes that request's profile the same one) or when the `profileId` was linked to
 * another profile meanwhile (the row just inserted is removed again, and the caller resolves).
 */
export async function createFirstProfile(handle: DbHandle, projectId: string, identity: Identity, options: ResolveOptions = {}): Promise<string | null> {
  const id = derivedProfileId(projectId, identity);
  const [row] = await hotQuery<{ created: string | null; linked: string | null }>(handle, "bespoke_profile_create", CREATE_PROFILE, [
    id,
    projectId,
    identity.userId,
    options.accountId ?? null,
    options.sourceId ?? null,
    identity.profileId,
  ]);
  if (!row?.created) return null;
  if (identity.profileId !== null && row.linked === null) {
    await handle.query("delete from profiles p where p.id = $1 and not exists (select 1 from profile_ids i where i.profile_id = p.id)", [id]);
    return null;
  }
  return row.created;
}

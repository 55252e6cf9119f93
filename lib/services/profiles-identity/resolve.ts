import { newId } from "../../ids";
import { LOOKUP_COLUMNS, LOOKUP_CTES, lookupOf, settledProfile, type IdentityLookup } from "./lookup";
import { mergeProfiles } from "./merge";
import { derivedProfileId, type Identity } from "./profile-key";
import { RetryTransaction, type RawQuery } from "./raw-sql";

export interface ResolveOptions {
  /** Stamped on a profile when it is created. */
  readonly accountId?: string | null;
  readonly sourceId?: number | null;
}

export interface Resolved {
  /** The live profile of the identity. */
  readonly id: string;
  /** It was created just now (it has no events, claims or arms yet). */
  readonly created: boolean;
  /** Profiles merged away on the way, `[from, into]`. */
  readonly merges: readonly (readonly [string, string])[];
}

const LOOKUP = `with ${LOOKUP_CTES} select ${LOOKUP_COLUMNS}`;

/** $1 id, $2 project, $3 userId, $4 accountId, $5 sourceId, $6 profileId to link → created, linked. */
export const CREATE_PROFILE = `
with ins as (
  insert into profiles (id, project_id, user_id, account_id, source_id) values ($1, $2, $3, $4, $5)
  on conflict do nothing
  returning id),
link as (
  insert into profile_ids (project_id, value, profile_id)
  select $2, $6::text, id from ins where $6::text is not null
  on conflict do nothing
  returning profile_id)
select (select id from ins) as created, (select profile_id from link) as linked`;

export async function lookupIdentity(q: RawQuery, projectId: string, identity: Identity): Promise<IdentityLookup> {
  const [row] = await q<{ pid_target: string | null; uid_target: string | null; pid_user: string | null }>(LOOKUP, [projectId, identity.profileId, identity.userId]);
  return lookupOf(row);
}

/**
 * The profile an identity designates, writing what that takes (see `settledProfile` for the rules):
 * creating the profile, linking a new `profileId` to a known user, giving an anonymous profile its
 * user id, or merging an anonymous profile into the known user's. Inside the caller's transaction;
 * a lost race throws {@link RetryTransaction} or a unique violation, and the caller runs the
 * transaction again (`withRetriedTransaction`).
 */
export async function resolveIdentity(q: RawQuery, projectId: string, identity: Identity, options: ResolveOptions = {}, known?: IdentityLookup): Promise<Resolved> {
  const { profileId, userId } = identity;
  const merges: [string, string][] = [];
  let lookup = known ?? (await lookupIdentity(q, projectId, identity));
  for (let round = 0; round < 4; round++) {
    const settled = settledProfile(identity, lookup);
    if (settled !== null) return { id: settled, created: false, merges };

    if (userId !== null && lookup.uidTarget !== null) {
      const known = lookup.uidTarget;
      if (lookup.pidTarget === null && profileId !== null) {
        const linked = await q("insert into profile_ids (project_id, value, profile_id) values ($1, $2, $3) on conflict do nothing returning profile_id", [projectId, profileId, known]);
        if (linked.length === 0) throw new RetryTransaction("the profileId was linked concurrently");
      } else if (lookup.pidTarget !== null) {
        await mergeProfiles(q, projectId, lookup.pidTarget, known);
        merges.push([lookup.pidTarget, known]);
      }
      return { id: known, created: false, merges };
    }

    if (userId !== null && lookup.pidTarget !== null && lookup.pidUser === null) {
      // The anonymous visitor signed in with a user id seen for the first time: it is theirs now.
      const updated = await q("update profiles set user_id = $2, updated_at = now() where id = $1 and user_id is null returning id", [lookup.pidTarget, userId]);
      if (updated.length === 0) throw new RetryTransaction("the profile got a user id concurrently");
      return { id: lookup.pidTarget, created: false, merges };
    }

    // A new profile: for the user alone when the device already belongs to another user.
    const linkTo = userId !== null && lookup.pidTarget !== null ? null : profileId;
    const derived = derivedProfileId(projectId, { profileId: linkTo, userId });
    const id = round < 2 ? derived : newId("prf");
    const [row] = await q<{ created: string | null; linked: string | null }>(CREATE_PROFILE, [id, projectId, userId, options.accountId ?? null, options.sourceId ?? null, linkTo]);
    if (row?.created) {
      if (linkTo !== null && row.linked === null) throw new RetryTransaction("the profileId was linked concurrently");
      return { id: row.created, created: true, merges };
    }
    // Someone created it first (the same derived id, or the same user id): look again.
    lookup = await lookupIdentity(q, projectId, identity);
  }
  throw new RetryTransaction("the identity kept changing");
}

import type { Identity } from "./profile-key";

/**
 * What the database says about an identity's two identifiers, each followed along `merged_into_id`
 * (merges keep chains one hop long, see merge.ts).
 */
export interface IdentityLookup {
  /** The live profile the anonymous `profileId` belongs to. */
  readonly pidTarget: string | null;
  /** The live profile of the `userId`. */
  readonly uidTarget: string | null;
  /** The user id of `pidTarget`, when the identity also names a user. */
  readonly pidUser: string | null;
}

/**
 * The live profile an anonymous `profileId` belongs to (one `merged_into_id` hop), as a subquery
 * over SQL expressions for the project and the id: parameters here, a row's columns in the
 * decision read (read-state.ts).
 */
export function profileIdLookup(project: string, profileId: string): string {
  return `
    select coalesce(p.merged_into_id, p.id) as id
      from profile_ids i join profiles p on p.id = i.profile_id
     where ${profileId} is not null and i.project_id = ${project} and i.value = ${profileId}`;
}

/** The live profile of a `userId` (one `merged_into_id` hop), as profileIdLookup. */
export function userIdLookup(project: string, userId: string): string {
  return `
    select coalesce(p.merged_into_id, p.id) as id
      from profiles p
     where ${userId} is not null and p.project_id = ${project} and p.user_id = ${userId}`;
}

/** SQL for one identity: $1 project, $2 profileId, $3 userId → pid_target, uid_target, pid_user. */
export const LOOKUP_CTES = `
  pid as (${profileIdLookup("$1", "$2::text")}),
  uid as (${userIdLookup("$1", "$3::text")})`;

export const LOOKUP_COLUMNS = `
  (select id from pid) as pid_target,
  (select id from uid) as uid_target,
  (select q.user_id from profiles q where $3::text is not null and q.id = (select id from pid)) as pid_user`;

export function lookupOf(row: { pid_target: string | null; uid_target: string | null; pid_user: string | null } | undefined): IdentityLookup {
  return { pidTarget: row?.pid_target ?? null, uidTarget: row?.uid_target ?? null, pidUser: row?.pid_user ?? null };
}

/**
 * The profile an identity designates when nothing needs writing, else null (a profile to create,
 * a `profileId` to link to a known user, an anonymous profile to merge into a known one, or a user
 * id to attach). The rules, for `userId` U and `profileId` A:
 *
 * - U known: U's profile. A new A is linked to it; an anonymous profile of A is merged into it; a
 *   profile of A that belongs to *another* user is left alone (a shared device).
 * - U new, A's profile anonymous: that profile gets U (the visitor signed in).
 * - U new, A's profile another user's: U gets a profile of its own.
 * - only A: A's profile.
 */
export function settledProfile(identity: Identity, lookup: IdentityLookup): string | null {
  if (identity.userId !== null) {
    if (lookup.uidTarget === null) return null;
    if (identity.profileId !== null) {
      if (lookup.pidTarget === null) return null;
      if (lookup.pidTarget !== lookup.uidTarget && lookup.pidUser === null) return null;
    }
    return lookup.uidTarget;
  }
  return lookup.pidTarget;
}

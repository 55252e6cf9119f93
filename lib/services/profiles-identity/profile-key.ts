import { createHash } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/** The identifiers a request or an event names its visitor by. At least one is set. */
export interface Identity {
  readonly profileId: string | null;
  readonly userId: string | null;
}

/**
 * The internal id a profile is created with: derived from the project and the first identifier it
 * is created for (`profileId` if given, else `userId`), in the shape of `newId("prf")`.
 *
 * Deterministic on purpose. Concurrent first requests of one visitor compute the same id, so their
 * inserts collide on the primary key instead of creating twins; and a decision made without
 * writing (`recordExposure: false`) for a visitor not seen yet buckets on the very id the profile
 * will get, so its arm is the one the visitor keeps later.
 */
export function derivedProfileId(projectId: string, identity: Identity): string {
  const key = identity.profileId !== null ? `p:${identity.profileId}` : `u:${identity.userId ?? ""}`;
  const digest = createHash("sha256").update(projectId).update("\u0000").update(key).digest();
  let out = "prf_";
  for (let i = 0; i < 20; i++) out += ALPHABET[digest[i] % 58];
  return out;
}

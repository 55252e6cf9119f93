import type { DbHandle } from "../../../db/client";
import type { Scope } from "../../auth/api-keys";
import type { ProjectRef } from "../context";
import { onChange } from "../../cache/change-bus";

export interface KeyRecord {
  sourceId: number;
  prefix: string;
  secretHash: string;
  scopes: Scope[];
  revoked: boolean;
  project: ProjectRef;
}

// Every API call verifies its key; a short-lived cache keeps that off the database on the hot path.
// A revocation is published on the change bus and drops the entry everywhere at once; the TTL only
// bounds how long a missed notification could matter.
const TTL_MS = 30_000;
const cache = new Map<string, { record: KeyRecord | null; expires: number }>();
let subscribed: DbHandle | undefined;

async function ensureSubscribed(handle: DbHandle): Promise<void> {
  if (subscribed === handle) return;
  subscribed = handle;
  cache.clear();
  await onChange(handle, (change) => {
    if (change.kind === "key") cache.delete(change.prefix);
  });
}

export function forgetKey(prefix: string): void {
  cache.delete(prefix);
}

export async function findKeyByPrefix(handle: DbHandle, prefix: string): Promise<KeyRecord | null> {
  await ensureSubscribed(handle);
  const now = Date.now();
  const hit = cache.get(prefix);
  if (hit && hit.expires > now) return hit.record;

  const rows = await handle.query<{
    id: number;
    prefix: string;
    secret_hash: string;
    scopes: string[];
    revoked_at: Date | null;
    project_id: string;
    project_name: string;
    timezone: string;
    org_id: string;
    org_name: string;
  }>(
    `select s.id, s.prefix, s.secret_hash, s.scopes, s.revoked_at,
            p.id as project_id, p.name as project_name, p.timezone, o.id as org_id, o.name as org_name
       from sources s join projects p on p.id = s.project_id join organizations o on o.id = p.org_id
      where s.prefix = $1`,
    [prefix],
  );
  const row = rows[0];
  const record: KeyRecord | null = row
    ? {
        sourceId: Number(row.id),
        prefix: row.prefix,
        secretHash: row.secret_hash,
        scopes: row.scopes as Scope[],
        revoked: row.revoked_at !== null,
        project: {
          id: row.project_id,
          name: row.project_name,
          orgId: row.org_id,
          orgName: row.org_name,
          timezone: row.timezone,
        },
      }
    : null;
  if (cache.size > 10_000) cache.clear();
  cache.set(prefix, { record, expires: now + TTL_MS });
  return record;
}

const lastTouched = new Map<number, number>();

/**
 * Records that a key was used, at most once a minute per key and process, without delaying the
 * request: the write is not awaited and its failure is ignored.
 */
export function touchKey(handle: DbHandle, sourceId: number): void {
  const now = Date.now();
  if ((lastTouched.get(sourceId) ?? 0) > now - 60_000) return;
  lastTouched.set(sourceId, now);
  handle
    .query(
      "update sources set last_used_at = now() where id = $1 and (last_used_at is null or last_used_at < now() - interval '1 minute')",
      [sourceId],
    )
    .catch(() => lastTouched.delete(sourceId));
}

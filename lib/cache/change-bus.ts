import type { DbHandle } from "../../db/client";

/**
 * Changes that other processes must hear about within a second: a management write (the decision
 * cache of that project is stale) or a revoked key. Sent with PostgreSQL NOTIFY (PGlite: in-process),
 * so every app and edge instance sharing the database drops what it cached.
 */
export const CHANGE_CHANNEL = "bespoke_changes";

export type Change = { kind: "project"; projectId: string } | { kind: "key"; prefix: string };

export async function publishChange(handle: DbHandle, change: Change): Promise<void> {
  await handle.notify(CHANGE_CHANNEL, JSON.stringify(change));
}

type Subscriber = (change: Change) => void;
const subscribers = new Set<Subscriber>();
const listening = new WeakSet<DbHandle>();

/** Registers a callback for changes; the first subscription on a handle starts listening. */
export async function onChange(handle: DbHandle, subscriber: Subscriber): Promise<() => void> {
  subscribers.add(subscriber);
  if (!listening.has(handle)) {
    listening.add(handle);
    await handle.listen(CHANGE_CHANNEL, (payload) => {
      let change: Change;
      try {
        change = JSON.parse(payload) as Change;
      } catch {
        return;
      }
      for (const s of subscribers) s(change);
    });
  }
  return () => subscribers.delete(subscriber);
}

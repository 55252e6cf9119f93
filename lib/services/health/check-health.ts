import type { DbHandle } from "../../../db/client";
import { migrationStatus, type MigrationStatus } from "../../../db/migrate";

export interface Health {
  status: "ok" | "degraded" | "unavailable";
  database: { mode: DbHandle["mode"] | "unknown"; reachable: boolean; latencyMs: number | null; error?: string };
  migrations: MigrationStatus | null;
}

const TIMEOUT_MS = 1500;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** Database reachability and migration state, answered within 2 s even when the database is down. */
export async function checkHealth(open: () => Promise<DbHandle>): Promise<Health> {
  let handle: DbHandle;
  try {
    handle = await withTimeout(open(), TIMEOUT_MS);
  } catch (error) {
    return {
      status: "unavailable",
      database: { mode: "unknown", reachable: false, latencyMs: null, error: "cannot open the database" + (error instanceof Error ? `: ${error.message}` : "") },
      migrations: null,
    };
  }
  const started = performance.now();
  try {
    await withTimeout(handle.query("select 1"), TIMEOUT_MS);
  } catch {
    return {
      status: "unavailable",
      database: { mode: handle.mode, reachable: false, latencyMs: null, error: "the database does not answer" },
      migrations: null,
    };
  }
  const latencyMs = Math.round((performance.now() - started) * 100) / 100;
  const migrations = await withTimeout(migrationStatus(handle), TIMEOUT_MS).catch(() => null);
  return {
    status: migrations?.current ? "ok" : "degraded",
    database: { mode: handle.mode, reachable: true, latencyMs },
    migrations,
  };
}

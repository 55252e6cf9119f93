import { env } from "../lib/env";
import { openDatabase, type DbHandle } from "./client";
import { runMigrations } from "./migrate";

/**
 * The process's one database handle, created on first use from the environment: PostgreSQL when
 * DATABASE_URL is set, else the embedded PGlite in BESPOKE_DATA_DIR. Kept on globalThis so Next's
 * separately bundled route modules, the instrumentation hook and hot reloads share it.
 */
const store = globalThis as typeof globalThis & { __bespokeDb?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  store.__bespokeDb ??= (async () => {
    const e = env();
    const handle = await openDatabase({
      url: e.DATABASE_URL,
      dataDir: e.BESPOKE_DATA_DIR,
      poolMax: e.DB_POOL_MAX,
      lock: true,
    });
    // Every process that opens the database (app, edge server, CLI) brings it up to date first; a
    // second run is a no-op, and concurrent instances take turns on an advisory lock.
    await runMigrations(handle);
    return handle;
  })().catch((error: unknown) => {
    store.__bespokeDb = undefined;
    throw error;
  });
  return store.__bespokeDb;
}

/** Tests install their own database (in-memory PGlite or TEST_DATABASE_URL). */
export function setDbHandle(handle: DbHandle | undefined): void {
  store.__bespokeDb = handle ? Promise.resolve(handle) : undefined;
}

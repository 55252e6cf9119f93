import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import pg from "pg";
import * as schema from "./schema";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock";

/** One type for both drivers: services never know whether they run on PGlite or PostgreSQL. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;
/** Anything a query can run on: the database or an open transaction. */
export type Queryable = Database | Transaction;

export type DbMode = "postgres" | "pglite";

export interface DbHandle {
  mode: DbMode;
  db: Database;
  /** Where the data lives, for logs and the health report (never the password). */
  location: string;
  /** Subscribe to a notification channel (PostgreSQL LISTEN, or PGlite's in-process equivalent). */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  /** Run a raw statement with positional parameters; used by the hot path where drizzle's builder costs too much. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  pool?: pg.Pool;
  pglite?: PGlite;
}

export interface OpenOptions {
  /** A PostgreSQL URL; absent → embedded PGlite. */
  url?: string;
  /** PGlite's directory; absent together with `url` → an in-memory PGlite (tests). */
  dataDir?: string;
  poolMax?: number;
  /** Take the data-dir lock (servers); the CLI checks it itself to decide where to run a command. */
  lock?: boolean;
  /** Start an in-memory PGlite from a dump (PGlite's `dumpDataDir`) instead of an empty cluster. */
  loadDataDir?: Blob;
}

// Integers beyond 2^53 never occur in our counters; parse bigint/numeric results as numbers.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://…";
  }
}

export async function openDatabase(options: OpenOptions): Promise<DbHandle> {
  if (options.url) return openPostgres(options.url, options.poolMax ?? 10);
  return openPglite(options.dataDir, options.lock ?? false, options.loadDataDir);
}

function openPostgres(url: string, max: number): DbHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // SPEC §6: a database outage is answered (503) within 2 s, not left hanging.
    connectionTimeoutMillis: 1500,
    idleTimeoutMillis: 30_000,
    application_name: "bespoke",
  });
  // An idle client losing its connection must not crash the process; the next checkout reconnects.
  pool.on("error", () => {});
  const db = drizzlePg({ client: pool, schema }) as unknown as Database;
  const listeners = new Map<string, { client: pg.PoolClient; callbacks: Set<(p: string) => void> }>();

  return {
    mode: "postgres",
    db,
    location: redact(url),
    pool,
    async listen(channel, onPayload) {
      let entry = listeners.get(channel);
      if (!entry) {
        const client = await pool.connect();
        const callbacks = new Set<(p: string) => void>();
        client.on("notification", (msg) => {
          if (msg.channel === channel) for (const cb of callbacks) cb(msg.payload ?? "");
        });
        client.on("error", () => listeners.delete(channel));
        await client.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
        entry = { client, callbacks };
        listeners.set(channel, entry);
      }
      const current = entry;
      current.callbacks.add(onPayload);
      return async () => {
        current.callbacks.delete(onPayload);
        if (current.callbacks.size === 0 && listeners.get(channel) === current) {
          listeners.delete(channel);
          await current.client.query(`UNLISTEN "${channel.replace(/"/g, '""')}"`).catch(() => {});
          current.client.release();
        }
      };
    },
    async notify(channel, payload) {
      await pool.query("select pg_notify($1, $2)", [channel, payload]);
    },
    async query<T>(text: string, params?: unknown[]) {
      const result = await pool.query(text, params as unknown[]);
      return result.rows as T[];
    },
    async close() {
      for (const entry of listeners.values()) entry.client.release();
      listeners.clear();
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string | undefined, lock: boolean, loadDataDir?: Blob): Promise<DbHandle> {
  let dirLock: DataDirLock | undefined;
  if (dataDir && lock) dirLock = acquireDataDirLock(dataDir);
  const location = dataDir ? path.resolve(dataDir) : "memory://";
  let client: PGlite;
  try {
    client = dataDir ? await PGlite.create(path.join(location, "pglite")) : await PGlite.create({ loadDataDir });
  } catch (error) {
    dirLock?.release();
    throw error;
  }
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    mode: "pglite",
    db,
    location,
    pglite: client,
    async listen(channel, onPayload) {
      return client.listen(channel, onPayload);
    },
    async notify(channel, payload) {
      await client.query("select pg_notify($1, $2)", [channel, payload]);
    },
    async query<T>(text: string, params?: unknown[]) {
      const result = await client.query<T>(text, params);
      return result.rows;
    },
    async close() {
      await client.close();
      dirLock?.release();
    },
  };
}

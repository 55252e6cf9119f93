import type { DbHandle } from "../../../db/client";
import { isSerializationFailure, isUniqueViolation } from "../../../db/errors";
import { isDatabaseUnavailable } from "../../http/errors";

/** One statement with positional parameters, returning its rows. */
export type RawQuery = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

/**
 * A hot-path statement outside any transaction. On PostgreSQL it runs as a named prepared
 * statement (parsed and planned once per pooled connection); on PGlite as a plain query.
 */
export async function hotQuery<T = Record<string, unknown>>(handle: DbHandle, name: string, text: string, params: unknown[]): Promise<T[]> {
  if (!handle.pool) return handle.query<T>(text, params);
  const client = await handle.pool.connect();
  let broken: Error | undefined;
  try {
    if (!genericPlans.has(client)) {
      await client.query("set plan_cache_mode = force_generic_plan; set jit = off");
      genericPlans.add(client);
    }
    const result = await client.query({ name, text, values: params });
    return result.rows as T[];
  } catch (error) {
    if (isDatabaseUnavailable(error)) broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * Connections told to keep one generic plan per prepared statement. PostgreSQL's default would
 * re-plan the hot statements for every execution (their custom plans look cheaper than the generic
 * one to its estimator), and planning them costs several times what executing them does; their
 * generic plans are the same index lookups. Only named prepared statements — ours — are affected.
 * And JIT is off on them: the batched read's estimate (100 rows per JSON array, a lookup for each)
 * passes `jit_above_cost` once the tables grow, and compiling it cost ~140 ms per execution where
 * executing it costs about one (decision 130).
 */
const genericPlans = new WeakSet<object>();

/** A raw-SQL transaction on either driver: `fn` gets a query function bound to the transaction. */
export async function withRawTransaction<T>(handle: DbHandle, fn: (q: RawQuery) => Promise<T>): Promise<T> {
  if (handle.pool) {
    const client = await handle.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query("begin");
      const q: RawQuery = async <R>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as R[];
      const result = await fn(q);
      await client.query("commit");
      return result;
    } catch (error) {
      await client.query("rollback").catch((e: unknown) => {
        broken = e instanceof Error ? e : new Error(String(e));
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }
  if (handle.pglite) {
    return handle.pglite.transaction(async (tx) => fn(async <R>(text: string, params?: unknown[]) => (await tx.query<R>(text, params)).rows));
  }
  throw new Error("This database handle supports no transactions.");
}

/** Thrown inside a transaction when a concurrent writer changed what it read: run it again. */
export class RetryTransaction extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "RetryTransaction";
  }
}

/**
 * Runs a transaction, again (up to `attempts` times) when it lost a race: a deadlock, a
 * serialization failure, a concurrent insert of the same user id, or a {@link RetryTransaction}.
 */
export async function withRetriedTransaction<T>(handle: DbHandle, fn: (q: RawQuery) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await withRawTransaction(handle, fn);
    } catch (error) {
      const retryable = error instanceof RetryTransaction || isSerializationFailure(error) || isUniqueViolation(error);
      if (!retryable || attempt >= attempts) throw error;
      // A short, jittered pause lets the winner of the race commit first.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}

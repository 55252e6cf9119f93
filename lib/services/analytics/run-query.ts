import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { AppError } from "../../errors";

/** A results statement that runs longer than this is cancelled (a 503 asking for a narrower range). */
export const RESULTS_STATEMENT_TIMEOUT = "60s";

/**
 * Runs one results statement in its own read transaction with settings for a large one-off
 * aggregation (docs/decisions/080-results-sql.md): no JIT (compiling costs more than it saves on
 * a few-second query); merge joins over the sorted index scans, never hash or nested-loop joins of
 * a million profile ids; no sort the plan can do without (the planner cannot estimate the join on
 * collated ids and would otherwise sort a million rows for a dozen groups rather than hash them);
 * memory for the per-day groups; no parallel workers — the statements of one call already run side
 * by side on their own connections.
 */
export async function runResultsQuery<T>(db: Database, statement: SQL): Promise<T[]> {
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select
        set_config('jit', 'off', true),
        set_config('enable_hashjoin', 'off', true),
        set_config('enable_nestloop', 'off', true),
        set_config('enable_sort', 'off', true),
        set_config('work_mem', '64MB', true),
        set_config('max_parallel_workers_per_gather', '0', true),
        set_config('statement_timeout', ${RESULTS_STATEMENT_TIMEOUT}, true)`);
      const result = await tx.execute(statement);
      return ((result as unknown as { rows?: T[] }).rows ?? []) as T[];
    });
  } catch (error) {
    if (isCancelled(error)) {
      throw new AppError(
        "database_unavailable",
        `Computing these results took longer than ${RESULTS_STATEMENT_TIMEOUT}; try a narrower date range.`,
        undefined,
        { "retry-after": "30" },
      );
    }
    throw error;
  }
}

/** SQLSTATE 57014 (statement timeout), on the error or on the cause drizzle wraps it in. */
function isCancelled(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if ((current as { code?: unknown }).code === "57014") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

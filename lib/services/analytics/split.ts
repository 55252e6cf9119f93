// Splitting one results call across connections by profile (docs/decisions/080-results-sql.md, "Slices").
import { sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import type { EventQueryRow } from "./event-query";

/** Below about this many exposed units (estimated from a 1% sample) a call runs unsplit. */
export const SPLIT_FROM_UNITS = 200_000;
/** Slices per statement: enough to keep two cores busy when one metric event costs more than the others. */
export const SLICES = 4;

export interface ProfileSlice {
  from: string | null;
  to: string | null;
}

export interface SliceOptions {
  /** Percent of the table's blocks sampled (default 1). */
  samplePercent?: number;
  /** The estimated units from which to split (default {@link SPLIT_FROM_UNITS}). */
  fromUnits?: number;
}

/**
 * Cut points that divide a personalization's exposed profiles into `SLICES` ranges of about equal
 * size, in the byte order the results indexes keep profile ids in: quantiles of a 1% block sample
 * of `experience_exposures` (a few milliseconds, whatever the table's size). A small personalization
 * — fewer than {@link SPLIT_FROM_UNITS} units by the sample — gets one unbounded slice.
 */
export async function profileSlices(db: Database, projectId: string, personalizationId: string, options: SliceOptions = {}): Promise<ProfileSlice[]> {
  const percent = options.samplePercent ?? 1;
  const fractions = Array.from({ length: SLICES - 1 }, (_, i) => (i + 1) / SLICES);
  const result = await db.execute(sql`
    select count(*)::int as sampled,
           percentile_disc(${`{${fractions.join(",")}}`}::float8[]) within group (order by profile_id collate "C") as cuts
      from experience_exposures tablesample system (${percent}) repeatable (7)
     where project_id = ${projectId} and personalization_id = ${personalizationId}`);
  const row = (result as unknown as { rows: { sampled: number; cuts: string[] | null }[] }).rows[0];
  if (!row || !row.cuts || row.sampled === 0 || (row.sampled * 100) / percent < (options.fromUnits ?? SPLIT_FROM_UNITS)) return [{ from: null, to: null }];
  const cuts = [...new Set(row.cuts)];
  return [null, ...cuts].map((from, i) => ({ from, to: cuts[i] ?? null }));
}

/** The columns that name a group; every other column is a sum. */
const KEY_COLUMNS: readonly string[] = ["experience_id", "arm", "earliest", "set_id", "day"];

/**
 * The rows of one statement's slices as if it had run unsplit: rows of the same group (experience,
 * arm, `earliest`, set, day) are added up — counts, sums and sums of squares are all sums over
 * profiles, and each profile is in exactly one slice.
 */
export function mergeSlices(slices: readonly EventQueryRow[][]): EventQueryRow[] {
  if (slices.length === 1) return slices[0];
  const groups = new Map<string, EventQueryRow>();
  for (const rows of slices) {
    for (const row of rows) {
      const key = KEY_COLUMNS.map((column) => String(row[column] ?? "")).join("\u0000");
      const known = groups.get(key);
      if (!known) {
        groups.set(key, { ...row });
        continue;
      }
      for (const [column, value] of Object.entries(row)) {
        if (KEY_COLUMNS.includes(column) || value === null) continue;
        const earlier = known[column];
        known[column] = earlier === null || earlier === undefined ? value : Number(earlier) + Number(value);
      }
    }
  }
  return [...groups.values()];
}

import { eq } from "drizzle-orm";
import { metrics } from "../../../db/schema";
import type { Transaction } from "../../../db/client";
import type { MetricDocumentInput } from "../../schemas/metrics";
import type { MetricRow } from "./metric-view";

/** A metric of a new list: `keep` is the existing row it replaces (its id and creation time survive). */
export interface MetricWrite {
  keep?: MetricRow;
  values: MetricDocumentInput;
}

/** Two metrics are the same goal when event, measure, property and aggregation agree. */
export function sameGoal(a: MetricDocumentInput | MetricRow, b: MetricDocumentInput | MetricRow): boolean {
  return a.event === b.event && a.measure === b.measure && (a.property ?? null) === (b.property ?? null) && (a.aggregation ?? null) === (b.aggregation ?? null);
}

/**
 * Makes the personalization's metrics exactly `writes`, in order. Rows are deleted and inserted
 * again (kept ones under their old id), so the one-primary index never sees two primaries midway.
 */
export async function writeMetrics(
  tx: Transaction,
  target: { projectId: string; personalizationId: string },
  writes: MetricWrite[],
): Promise<void> {
  await tx.delete(metrics).where(eq(metrics.personalizationId, target.personalizationId));
  if (writes.length === 0) return;
  await tx.insert(metrics).values(
    writes.map((w, position) => ({
      ...(w.keep ? { id: w.keep.id, createdAt: w.keep.createdAt } : {}),
      projectId: target.projectId,
      personalizationId: target.personalizationId,
      event: w.values.event,
      measure: w.values.measure,
      property: w.values.measure === "value" ? (w.values.property ?? null) : null,
      aggregation: w.values.measure === "value" ? (w.values.aggregation ?? null) : null,
      primary: w.values.primary,
      position,
    })),
  );
}

/** Import: each metric of the document keeps the id of an existing metric with the same goal, if any. */
export function matchMetricsByGoal(entries: MetricDocumentInput[], existing: MetricRow[]): MetricWrite[] {
  const unused = [...existing];
  return entries.map((values) => {
    const at = unused.findIndex((row) => sameGoal(row, values));
    const keep = at >= 0 ? unused.splice(at, 1)[0] : undefined;
    return { keep, values };
  });
}

// Metric rows as the console edits them, and the metric documents the API takes.

import type { AGGREGATIONS, Metric, MetricPatchEntry } from "@/lib/schemas/metrics";

export type Aggregation = (typeof AGGREGATIONS)[number];

export type MetricRow = {
  /** The saved metric this row edits (its results stay attached); absent for a new one. */
  id?: string;
  event: string;
  measure: "triggered" | "value";
  property: string;
  aggregation: Aggregation | "";
  primary: boolean;
};

export function emptyMetric(primary: boolean): MetricRow {
  return { event: "", measure: "triggered", property: "", aggregation: "", primary };
}

export function metricToRow(m: Metric): MetricRow {
  return {
    id: m.id,
    event: m.event,
    measure: m.measure,
    property: m.property ?? "",
    aggregation: m.aggregation ?? "",
    primary: m.primary,
  };
}

/** What the API validates: `value` needs a property and an aggregation, `triggered` neither. */
export function rowToMetric(row: MetricRow): MetricPatchEntry {
  const value = row.measure === "value";
  return {
    ...(row.id ? { id: row.id } : {}),
    event: row.event,
    measure: row.measure,
    property: value ? row.property.trim() || null : null,
    aggregation: value ? row.aggregation || null : null,
    primary: row.primary,
  };
}

import type { metrics } from "../../../db/schema";
import type { ExportedMetric, Metric } from "../../schemas/metrics";

export type MetricRow = typeof metrics.$inferSelect;

export function toMetricView(row: MetricRow): Metric {
  return {
    id: row.id,
    event: row.event,
    measure: row.measure,
    property: row.property ?? null,
    aggregation: row.aggregation ?? null,
    primary: row.primary,
  };
}

export function toExportedMetric(row: MetricRow): ExportedMetric {
  return {
    event: row.event,
    measure: row.measure,
    ...(row.property ? { property: row.property } : {}),
    ...(row.aggregation ? { aggregation: row.aggregation } : {}),
    primary: row.primary,
  };
}

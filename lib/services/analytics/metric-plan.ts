import type { ValueColumn } from "./event-query";

export type Aggregation = "first" | "last" | "sum" | "avg" | "max" | "min";

/** A metric as results read it. */
export interface MetricSpec {
  id: string;
  event: string;
  measure: "triggered" | "value";
  property: string | null;
  aggregation: Aggregation | null;
  primary: boolean;
}

/** One statement: the metrics on one event, and whether it also yields the daily series. */
export interface EventPlan {
  event: string | null;
  values: ValueColumn[];
  series: boolean;
}

/** Primary first, the others in their stored order. */
export function orderMetrics<T extends { primary: boolean }>(metrics: readonly T[]): T[] {
  return [...metrics.filter((m) => m.primary), ...metrics.filter((m) => !m.primary)];
}

/** A value metric needs a property; one without (never written by the API) is read as triggered. */
export function isValueMetric(metric: MetricSpec): metric is MetricSpec & { property: string } {
  return metric.measure === "value" && metric.property !== null;
}

/**
 * One statement per distinct event: metrics on the same event share its scan and join (a triggered
 * metric is the statement's `converted` count, a value metric one more aggregate column `m<i>`, where
 * `i` is the metric's index in `metrics`). The primary metric's statement carries the daily series.
 * Without metrics, one exposures-only statement gives users and the series.
 */
export function planQueries(metrics: readonly MetricSpec[]): EventPlan[] {
  const primaryEvent = metrics.find((m) => m.primary)?.event ?? metrics[0]?.event ?? null;
  if (primaryEvent === null) return [{ event: null, values: [], series: true }];
  const plans = new Map<string, EventPlan>();
  metrics.forEach((metric, index) => {
    let plan = plans.get(metric.event);
    if (!plan) {
      plan = { event: metric.event, values: [], series: metric.event === primaryEvent };
      plans.set(metric.event, plan);
    }
    if (isValueMetric(metric)) plan.values.push({ index, property: metric.property, aggregation: metric.aggregation ?? "sum" });
  });
  return [...plans.values()];
}

// Plain formatting of the results' figures: rates as percentages, uplifts signed, p-values the way
// an analyst reads them. Pure, so the table, the chart and their tests agree.

import type { Results } from "@/lib/schemas/results";

type ResultsMetric = Results["metrics"][number];

const MINUS = "\u2212";

/** Replaces the hyphen-minus of a negative number with a real minus sign (reads better, aligns in tables). */
function signed(text: string): string {
  return text.startsWith("-") ? `${MINUS}${text.slice(1)}` : text;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** 0.1234 → "12.3%"; small rates keep two decimals so 0.4% and 0.45% stay apart. */
export function formatRate(rate: number): string {
  const pct = rate * 100;
  const digits = pct !== 0 && Math.abs(pct) < 1 ? 2 : 1;
  return `${signed(pct.toFixed(digits))}%`;
}

/** A relative uplift, always signed: 0.052 → "+5.2%", −0.1 → "−10.0%". */
export function formatUplift(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "∞";
  const pct = value * 100;
  const text = Math.abs(pct) >= 1000 ? pct.toFixed(0) : pct.toFixed(1);
  if (Number(text) === 0) return "0.0%";
  return `${pct > 0 ? "+" : ""}${signed(text)}%`;
}

/** The 95% interval of an uplift: "[−2.1%, +8.4%]"; an open side is ±∞. */
export function formatInterval(ci: readonly [number | null, number | null]): string {
  const low = ci[0] === null ? `${MINUS}∞` : formatUplift(ci[0]);
  const high = ci[1] === null ? "+∞" : formatUplift(ci[1]);
  return `[${low}, ${high}]`;
}

/** A two-sided p-value: three decimals, "< 0.001" below that. */
export function formatPValue(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return "—";
  if (p < 0.001) return "< 0.001";
  return p.toFixed(3);
}

/** A probability as a percentage, never rounded to a certainty it does not have. */
export function formatChance(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return "—";
  const pct = p * 100;
  if (pct > 99.9) return "> 99.9%";
  if (pct < 0.1) return "< 0.1%";
  return `${pct.toFixed(1)}%`;
}

/** A metric's mean: a rate for a triggered metric, a number (up to 2 decimals) for a value metric. */
export function formatMean(metric: Pick<ResultsMetric, "measure">, mean: number): string {
  if (metric.measure === "triggered") return formatRate(mean);
  const digits = Math.abs(mean) >= 1000 ? 0 : 2;
  return signed(
    mean.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  );
}

const AGGREGATION_WORDS: Record<NonNullable<ResultsMetric["aggregation"]>, string> = {
  sum: "total per user",
  avg: "average per user",
  first: "first value",
  last: "last value",
  max: "highest value",
  min: "lowest value",
};

/** "purchase" and what is measured: "conversion rate", "amount · total per user". */
export function metricName(metric: ResultsMetric): { event: string; measure: string } {
  if (metric.measure === "triggered") return { event: metric.event, measure: "conversion rate" };
  const aggregation = AGGREGATION_WORDS[metric.aggregation ?? "sum"];
  return { event: metric.event, measure: `${metric.property ?? "value"} · ${aggregation}` };
}

/**
 * One scale for every interval bar of the table, so bars can be compared between rows: symmetric
 * around 0, wide enough for the widest finite bound (with a little room), at least ±5%, at most ±200%
 * (a bound beyond is drawn to the edge).
 */
export function intervalScale(intervals: readonly (readonly [number | null, number | null])[]): number {
  let widest = 0;
  for (const [low, high] of intervals) {
    for (const bound of [low, high])
      if (bound !== null && Number.isFinite(bound)) widest = Math.max(widest, Math.abs(bound));
  }
  return Math.min(2, Math.max(0.05, widest * 1.1));
}

/** Where a value sits on a scale of ±`scale`, from 0 (left edge) to 100 (right edge), clamped. */
export function positionOn(value: number | null, scale: number, openSide: "low" | "high"): number {
  if (value === null || !Number.isFinite(value)) return openSide === "low" ? 0 : 100;
  return Math.min(100, Math.max(0, 50 + (value / scale) * 50));
}

/** Ticks for a rate axis: 0 to a round maximum at or above the highest rate, in 4 or 5 even steps. */
export function rateTicks(max: number): number[] {
  const steps = [0.001, 0.002, 0.0025, 0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25];
  const top = Math.min(Math.max(max, 0.001), 1);
  const step = steps.find((s) => Math.ceil(top / s - 1e-9) <= 4) ?? 0.25;
  const count = Math.max(1, Math.ceil(top / step - 1e-9));
  return Array.from({ length: count + 1 }, (_, i) => Math.round(i * step * 1e6) / 1e6);
}

/** A rate axis tick: 0.25 → "25%", 0.025 → "2.5%". */
export function formatRateTick(rate: number): string {
  const pct = Math.round(rate * 1e4) / 100;
  return `${pct}%`;
}

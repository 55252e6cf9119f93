import type { ExperienceResult, Results } from "../../schemas/results";

/** The CSV's columns, in order: one row per experience (the total last), metric and arm. */
export const CSV_COLUMNS = [
  "experience_id",
  "experience",
  "metric_id",
  "metric",
  "primary",
  "arm",
  "users",
  "n",
  "missing",
  "sum",
  "sum_squares",
  "mean",
  "uplift",
  "ci_low",
  "ci_high",
  "p_value",
  "chance_to_win",
  "risk_control",
  "risk_treatment",
  "verdict",
  "srm_p_value",
] as const;

type Cell = string | number | boolean | null | undefined;

/**
 * A text cell, quoted when needed (RFC 4180). Names come from users, and a cell starting with
 * `=`, `+`, `-`, `@` (or a tab or carriage return) would run as a formula in a spreadsheet, so such
 * text gets a leading apostrophe (OWASP's advice on CSV injection). Numbers are written as they are.
 */
function cell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function metricLabel(metric: Results["metrics"][number]): string {
  if (metric.measure === "triggered") return `${metric.event} (triggered)`;
  return `${metric.event}.${metric.property ?? ""} (${metric.aggregation ?? "sum"})`;
}

function rowsOf(results: Results, experience: ExperienceResult): Cell[][] {
  const base: Cell[] = [experience.experienceId ?? "", experience.name];
  if (results.metrics.length === 0) {
    return (["control", "treatment"] as const).map((arm) => [
      ...base,
      "",
      "",
      "",
      arm,
      experience.users[arm],
      ...Array<Cell>(CSV_COLUMNS.length - 8).fill(null),
      experience.srm?.pValue,
    ]);
  }
  return experience.metrics.flatMap((result) => {
    const metric = results.metrics.find((m) => m.id === result.metricId);
    return (["control", "treatment"] as const).map((arm) => {
      const stats = result[arm];
      const test = arm === "treatment" ? result.test : null;
      return [
        ...base,
        result.metricId,
        metric ? metricLabel(metric) : "",
        metric?.primary ?? false,
        arm,
        stats.users,
        stats.n,
        stats.missing,
        stats.sum,
        stats.sumSquares,
        stats.mean,
        test?.expected,
        test?.ci[0],
        test?.ci[1],
        test?.pValue,
        test?.chanceToWin,
        test?.risk?.control,
        test?.risk?.treatment,
        test ? result.verdict.label : null,
        experience.srm?.pValue,
      ];
    });
  });
}

/** The per-experience, per-arm, per-metric table of the results, with a header row. */
export function resultsCsv(results: Results): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const experience of [...results.experiences, results.total]) {
    for (const row of rowsOf(results, experience)) lines.push(row.map(cell).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** `results-<personalization id>-<to date>.csv` */
export function resultsFilename(results: Results): string {
  const safeId = results.personalization.id.replace(/[^A-Za-z0-9_-]/g, "");
  return `results-${safeId}-${results.range.to.slice(0, 10)}.csv`;
}

import { TriangleAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ExperienceResult, MetricResult, Results } from "@/lib/schemas/results";
import { cn } from "@/lib/utils/cn";
import {
  formatChance,
  formatCount,
  formatInterval,
  formatMean,
  formatPValue,
  formatRate,
  formatUplift,
  intervalScale,
  metricName,
} from "./format";
import { IntervalBar, type Tone } from "./interval-bar";

type ResultsMetric = Results["metrics"][number];

const COLUMNS = 6;

/** Why gbstats could not compute a test, in words (its codes are kept in the CSV). */
const TEST_ERRORS: Record<string, string> = {
  ZERO_NEGATIVE_VARIANCE: "Not computable yet: an arm has no variation (or a single user).",
  ZERO_NEGATIVE_BASELINE_VARIATION: "Not computable: the control's mean is 0.",
  NO_UNITS_IN_VARIATION: "Not computable yet: an arm has no users.",
};

function toneOf(result: MetricResult): Tone {
  if (!result.verdict.significant) return "neutral";
  return result.verdict.code === "better" ? "better" : "worse";
}

function VerdictBadge({ result, thresholds }: { result: MetricResult; thresholds: Results["thresholds"] }) {
  const { code, label } = result.verdict;
  const variant =
    code === "better"
      ? "success"
      : code === "worse"
        ? "danger"
        : code === "inconclusive"
          ? "neutral"
          : "outline";
  const title =
    code === "not_enough_data"
      ? `A verdict needs at least ${formatCount(thresholds.minUsersPerArm)} users per arm (and ${formatCount(thresholds.minConversions)} conversions for a rate).`
      : code === "inconclusive"
        ? "The difference is not significant at the 95% level yet."
        : undefined;
  return (
    <Badge variant={variant} dot={result.verdict.significant} title={title}>
      {label}
    </Badge>
  );
}

function ArmCell({
  metric,
  result,
  arm,
}: {
  metric: ResultsMetric;
  result: MetricResult;
  arm: "control" | "treatment";
}) {
  const stats = result[arm];
  const counted =
    stats.missing > 0
      ? `${formatCount(stats.n)} of ${formatCount(stats.users)} users with a value`
      : `${formatCount(stats.users)} ${stats.users === 1 ? "user" : "users"}`;
  return (
    <TableCell className="text-right">
      <div className="font-medium tabular-nums">{formatMean(metric, stats.mean)}</div>
      <div className="text-xs whitespace-nowrap text-muted-foreground tabular-nums">{counted}</div>
    </TableCell>
  );
}

function MetricRow({
  metric,
  result,
  results,
  scale,
}: {
  metric: ResultsMetric;
  result: MetricResult;
  results: Results;
  scale: number;
}) {
  const name = metricName(metric);
  const tone = toneOf(result);
  const error = result.test.errorMessage;
  return (
    <TableRow data-testid="results-metric-row" className="hover:bg-transparent">
      <TableCell className="max-w-60 pl-6">
        <div className="flex items-center gap-1.5">
          <span className="truncate font-mono text-[13px]">{name.event}</span>
          {metric.primary ? (
            <Badge variant="primary" className="px-1.5 py-0 text-[10px]">
              Primary
            </Badge>
          ) : null}
        </div>
        <div className="truncate text-xs text-muted-foreground">{name.measure}</div>
      </TableCell>
      <ArmCell metric={metric} result={result} arm="control" />
      <ArmCell metric={metric} result={result} arm="treatment" />
      <TableCell>
        {error ? (
          <span className="text-xs text-muted-foreground" title={error}>
            {TEST_ERRORS[error] ?? error}
          </span>
        ) : (
          <div className="flex items-center gap-3">
            <div className="w-28 shrink-0 text-right">
              <div
                className={cn(
                  "font-medium tabular-nums",
                  tone === "better" && "text-success-foreground",
                  tone === "worse" && "text-danger-foreground",
                )}
              >
                {formatUplift(result.test.expected)}
              </div>
              <div className="text-[11px] whitespace-nowrap text-muted-foreground tabular-nums">
                {formatInterval(result.test.ci)}
              </div>
            </div>
            <IntervalBar expected={result.test.expected} ci={result.test.ci} scale={scale} tone={tone} />
          </div>
        )}
      </TableCell>
      <TableCell className="text-right tabular-nums">
        {results.engine === "frequentist" ? (
          formatPValue(result.test.pValue)
        ) : (
          <span
            title={
              result.test.risk
                ? `Expected loss if shipped: ${formatRate(result.test.risk.treatment)} · if kept as control: ${formatRate(result.test.risk.control)}`
                : undefined
            }
          >
            {formatChance(result.test.chanceToWin)}
          </span>
        )}
      </TableCell>
      <TableCell>
        <VerdictBadge result={result} thresholds={results.thresholds} />
      </TableCell>
    </TableRow>
  );
}

function ExperienceRows({
  experience,
  results,
  scale,
  total,
}: {
  experience: ExperienceResult;
  results: Results;
  scale: number;
  total?: boolean;
}) {
  const exposed = experience.users.control + experience.users.treatment;
  const srmWarning = experience.srm?.warning === true;
  return (
    <TableBody
      data-testid={total ? "results-total" : "results-experience"}
      className={cn("border-t first:border-t-0", total && "bg-subtle/70")}
    >
      <TableRow className="border-b-0 hover:bg-transparent">
        <TableCell colSpan={COLUMNS} className="pt-3.5 pb-1">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="font-semibold">{total ? "All experiences (pooled)" : experience.name}</span>
            <span className="text-xs text-muted-foreground tabular-nums" data-testid="results-users">
              Control {formatCount(experience.users.control)} · Treatment{" "}
              {formatCount(experience.users.treatment)} {exposed === 1 ? "user" : "users"}
            </span>
            {srmWarning ? (
              <Badge
                variant="warning"
                title="The split between the arms does not fit the configured control share."
              >
                <TriangleAlert aria-hidden="true" />
                Sample ratio mismatch
              </Badge>
            ) : null}
          </div>
        </TableCell>
      </TableRow>
      {exposed === 0 ? (
        <TableRow className="hover:bg-transparent">
          <TableCell colSpan={COLUMNS} className="pl-6 text-muted-foreground">
            Nobody was exposed to it in this range.
          </TableCell>
        </TableRow>
      ) : results.metrics.length === 0 ? (
        <TableRow className="hover:bg-transparent">
          <TableCell colSpan={COLUMNS} className="pl-6 text-muted-foreground">
            No metrics to compare: add one on the Metrics tab.
          </TableCell>
        </TableRow>
      ) : (
        experience.metrics.map((result) => {
          const metric = results.metrics.find((m) => m.id === result.metricId);
          return metric ? (
            <MetricRow
              key={result.metricId}
              metric={metric}
              result={result}
              results={results}
              scale={scale}
            />
          ) : null;
        })
      )}
    </TableBody>
  );
}

/**
 * Every experience against its own control, metric by metric (primary first), then the pooled total.
 * One table, so the columns and the interval bars' scale line up across experiences.
 */
export function ResultsTable({ results }: { results: Results }) {
  const groups = [...results.experiences, results.total];
  const scale = intervalScale(
    groups.flatMap((g) => g.metrics.filter((m) => m.test.errorMessage === null).map((m) => m.test.ci)),
  );
  return (
    <Table aria-label="Results per experience" data-testid="results-table" className="min-w-[760px]">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Metric</TableHead>
          <TableHead className="text-right">Control</TableHead>
          <TableHead className="text-right">Treatment</TableHead>
          <TableHead>Uplift (95% interval)</TableHead>
          <TableHead className="text-right">
            {results.engine === "frequentist" ? "p-value" : "Chance to win"}
          </TableHead>
          <TableHead>Verdict</TableHead>
        </TableRow>
      </TableHeader>
      {results.experiences.map((experience) => (
        <ExperienceRows
          key={experience.experienceId ?? "total"}
          experience={experience}
          results={results}
          scale={scale}
        />
      ))}
      {results.experiences.length > 1 ? (
        <ExperienceRows experience={results.total} results={results} scale={scale} total />
      ) : null}
    </Table>
  );
}

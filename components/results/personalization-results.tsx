"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { ChartNoAxesColumn, TriangleAlert } from "lucide-react";
import { useConsole } from "@/components/console/console-context";
import { RelativeTime } from "@/components/console/date-time";
import { QueryError } from "@/components/console/query-error";
import { TableSkeleton } from "@/components/console/table-skeleton";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { PersonalizationStatus } from "@/lib/schemas/personalizations";
import type { ExperienceResult, Results } from "@/lib/schemas/results";
import { DailyChart } from "./daily-chart";
import { formatCount, formatRate } from "./format";
import { readParams, todayIn, writeParams, type ResultsParams } from "./params";
import { ResultsControls } from "./results-controls";
import { ResultsTable } from "./results-table";
import { resultsPath, useResults } from "./use-results";

function SrmBanner({ results }: { results: Results }) {
  const flagged = [...results.experiences, ...(results.experiences.length > 1 ? [results.total] : [])].filter(
    (e): e is ExperienceResult & { srm: NonNullable<ExperienceResult["srm"]> } => e.srm?.warning === true,
  );
  if (flagged.length === 0) return null;
  return (
    <Alert variant="warning" icon={TriangleAlert} data-testid="results-srm">
      <AlertTitle>Sample ratio mismatch: these results may not be trustworthy</AlertTitle>
      <AlertDescription>
        <p>
          The split of users between control and treatment is not what the{" "}
          {results.personalization.controlPercent}% control share should give (chi-square p &lt;{" "}
          {results.thresholds.srmPValue}). Something is assigning or recording users unevenly — a redirect, a
          bot filter, a cache, or a change of control share while running.
        </p>
        <ul className="mt-1 list-disc pl-5">
          {flagged.map((e) => (
            <li key={e.experienceId ?? "total"}>
              {e.experienceId === null ? "All experiences" : e.name}:{" "}
              {formatRate(e.srm.observedControlShare ?? 0)} in control, expected{" "}
              {formatRate(e.srm.expectedControlShare)} (p = {e.srm.pValue.toExponential(1)})
            </li>
          ))}
        </ul>
      </AlertDescription>
    </Alert>
  );
}

function ResultsSkeleton() {
  return (
    <div className="grid gap-4">
      <TableSkeleton rows={5} columns={6} label="Loading results" />
      <div className="grid gap-3 lg:grid-cols-2">
        <Skeleton className="h-72 w-full" />
        <Skeleton className="h-72 w-full" />
      </div>
    </div>
  );
}

function NoExposures({ status, filtered }: { status: PersonalizationStatus; filtered: boolean }) {
  return (
    <EmptyState
      icon={ChartNoAxesColumn}
      title={filtered ? "No exposures in this range" : "No exposures yet"}
      description={
        filtered
          ? "Nobody was first exposed to it between these dates. Widen the range, or choose “Since it started”."
          : status === "draft"
            ? "Start the personalization: each experience is then compared with its control on every metric (uplift, significance, chance to beat control)."
            : "Results appear once choose-api has assigned visitors to its experiences. Each visitor is counted from their first exposure; conversions come from track."
      }
    />
  );
}

/** The Results tab: controls (range, engine, CSV), the SRM warning, the table and the daily chart. */
export function PersonalizationResults({ id, status }: { id: string; status: PersonalizationStatus }) {
  const { api, timezone } = useConsole();
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const params = readParams(new URLSearchParams(search.toString()));
  const today = todayIn(timezone);
  const rangeError =
    params.from && params.to && params.from > params.to ? "“From” must be on or before “To”." : null;
  const query = useResults(id, params, { enabled: rangeError === null });

  const setParams = (next: ResultsParams) => {
    const qs = writeParams(new URLSearchParams(search.toString()), next).toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };

  const results = query.data;
  const exposed = results ? results.total.users.control + results.total.users.treatment : 0;
  const stale = query.isPlaceholderData || (query.isFetching && !query.isPending);

  return (
    <div className="grid gap-5" data-testid="results">
      <ResultsControls
        params={params}
        today={today}
        timezone={timezone}
        csvHref={rangeError ? null : api(resultsPath(id, params, "csv"))}
        rangeError={rangeError}
        refreshing={query.isFetching && !query.isPending}
        onChange={setParams}
        onRefresh={() => void query.refetch()}
      />
      {rangeError ? null : query.isPending ? (
        <ResultsSkeleton />
      ) : query.isError ? (
        <QueryError
          title="The results could not be loaded"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : results ? (
        <div className={stale ? "grid gap-5 opacity-60 transition-opacity" : "grid gap-5"} aria-busy={stale}>
          <SrmBanner results={results} />
          {results.personalization.controlPercent === 0 && exposed > 0 ? (
            <Alert variant="info">
              <AlertTitle>No control group</AlertTitle>
              <AlertDescription>
                The control size is 0%, so every matching visitor sees the experience and there is nobody to
                compare with. Set a control size on the Settings tab to measure uplift from then on.
              </AlertDescription>
            </Alert>
          ) : null}
          {exposed === 0 ? (
            <NoExposures status={status} filtered={Boolean(params.from || params.to)} />
          ) : (
            <>
              <div className="grid gap-2">
                <p className="text-xs text-muted-foreground">
                  {formatCount(exposed)} users exposed · each experience against its own control ·{" "}
                  {results.engine === "frequentist"
                    ? `significant when p < ${results.thresholds.alpha}`
                    : "“Likely better” at a 95% chance to win"}{" "}
                  · computed <RelativeTime iso={results.generatedAt} />
                </p>
                <ResultsTable results={results} />
              </div>
              <DailyChart results={results} />
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}

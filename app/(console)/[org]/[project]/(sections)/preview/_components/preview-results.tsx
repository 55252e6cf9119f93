"use client";

import Link from "next/link";
import { useMemo } from "react";
import { useConsole } from "@/components/console/console-context";
import { formatInZone } from "@/components/console/date-time";
import { usePersonalizationSummaries } from "@/components/preview/audience-queries";
import { OutcomeCard } from "@/components/preview/outcome-card";
import { REASON_INFO, ReasonBadge } from "@/components/preview/reason-badge";
import { outcomesOf, REASONS } from "@/components/preview/types";
import { sectionHref } from "@/components/shell/nav";
import { EmptyState } from "@/components/ui/empty-state";
import { ScanEye } from "lucide-react";
import type { PreviewRun } from "./preview-view";

/** Every selector's outcome, in the order choose-api would answer them. */
export function PreviewResults({ run }: { run: PreviewRun }) {
  const { org, project, timezone } = useConsole();
  const personalizations = usePersonalizationSummaries();
  const outcomes = useMemo(() => outcomesOf(run.response), [run.response]);
  const byId = useMemo(
    () => new Map((personalizations.data ?? []).map((p) => [p.id, p])),
    [personalizations.data],
  );
  const counts = REASONS.map((reason) => ({
    reason,
    count: outcomes.filter((o) => o.choice.reason === reason).length,
  })).filter((c) => c.count > 0);

  return (
    <section aria-labelledby="preview-results" className="grid gap-4" data-testid="preview-results">
      <header className="grid gap-2">
        <h2 id="preview-results" className="text-base font-semibold tracking-tight">
          {outcomes.length} decision{outcomes.length === 1 ? "" : "s"} for {run.visitorLabel}
        </h2>
        <p className="text-[13px] text-muted-foreground">
          At {formatInZone(run.response.at, timezone, { dateStyle: "full", timeStyle: "short" })} ({timezone}
          ).
        </p>
        {counts.length > 0 ? (
          <ul className="flex flex-wrap gap-2" aria-label="Outcomes">
            {counts.map(({ reason, count }) => (
              <li
                key={reason}
                className="flex items-center gap-1.5 text-[13px]"
                title={REASON_INFO[reason].explanation}
              >
                <ReasonBadge reason={reason} />
                <span className="tabular-nums">×{count}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </header>
      {outcomes.length === 0 ? (
        <EmptyState
          icon={ScanEye}
          title="Nothing to decide"
          description="The selection holds no personalization: the group has no running members, or the project has none yet. Include drafts and paused, or pick others."
        />
      ) : (
        outcomes.map((outcome) => {
          const summary = outcome.choice.personalizationId
            ? byId.get(outcome.choice.personalizationId)
            : undefined;
          return (
            <OutcomeCard
              key={`${outcome.choice.group ?? ""}/${outcome.choice.name}`}
              outcome={outcome}
              personalizationName={summary?.name ?? null}
              personalizationLink={
                summary ? (
                  <Link
                    className="font-medium text-foreground underline-offset-4 hover:underline"
                    href={`${sectionHref(org, project, "personalizations")}/${encodeURIComponent(summary.id)}`}
                  >
                    {summary.name}
                  </Link>
                ) : undefined
              }
            />
          );
        })
      )}
    </section>
  );
}

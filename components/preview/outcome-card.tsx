"use client";

import type { ReactNode } from "react";
import { FileJson } from "lucide-react";
import { JsonViewer } from "@/components/console/json-viewer";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils/cn";
import { DecisionTrace } from "./decision-trace";
import { REASON_INFO, ReasonBadge } from "./reason-badge";
import type { PreviewOutcome } from "./types";

type OutcomeCardProps = {
  outcome: PreviewOutcome;
  /** The personalization's display name, when the caller knows it. */
  personalizationName?: string | null;
  /** A link to the personalization (the caller builds the href), shown next to its name. */
  personalizationLink?: ReactNode;
  className?: string;
};

/**
 * One selector of a decision: its outcome (reason, winning experience, arm), the rendered payload
 * as choose-api would return it, and the trace that explains it.
 */
export function OutcomeCard({
  outcome,
  personalizationName,
  personalizationLink,
  className,
}: OutcomeCardProps) {
  const { choice, trace } = outcome;
  const titleId = `outcome-${choice.group ?? ""}-${choice.name}`;
  return (
    <article
      aria-labelledby={titleId}
      data-selector={choice.name}
      data-reason={choice.reason}
      className={cn("rounded-xl border bg-background shadow-xs", className)}
    >
      <header className="flex flex-col gap-2 border-b px-4 py-3 sm:flex-row sm:items-start sm:justify-between sm:px-5">
        <div className="grid min-w-0 gap-1">
          <div className="flex flex-wrap items-center gap-2">
            <h3 id={titleId} className="font-mono text-[15px] font-semibold break-all">
              {choice.name}
            </h3>
            {choice.group ? <Badge variant="outline">group {choice.group}</Badge> : null}
            {trace?.evaluatedAsRunning ? (
              <Badge variant="warning">{trace.status ?? "not running"}: evaluated as running</Badge>
            ) : null}
          </div>
          <p className="text-[13px] text-muted-foreground">
            {personalizationName ? (
              <>
                {personalizationLink ?? personalizationName}
                {choice.experienceName ? " · " : null}
              </>
            ) : null}
            {choice.experienceName ? (
              <>
                Experience <span className="font-medium text-foreground">{choice.experienceName}</span>
                {choice.variant ? ` · ${choice.variant} arm` : null}
              </>
            ) : personalizationName ? null : (
              REASON_INFO[choice.reason].explanation
            )}
          </p>
        </div>
        <ReasonBadge reason={choice.reason} className="self-start" />
      </header>

      <div className="grid gap-5 px-4 py-4 sm:px-5 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <section aria-label="Rendered payload" className="grid content-start gap-2">
          <h4 className="flex items-center gap-1.5 text-[13px] font-semibold">
            <FileJson aria-hidden="true" className="size-4 text-muted-foreground" />
            Rendered payload
          </h4>
          {choice.reason === "served" ? (
            <JsonViewer
              value={choice.body}
              expandDepth={3}
              emptyText="The payload is empty."
              className="max-h-[28rem] overflow-auto"
            />
          ) : (
            <p className="rounded-lg border border-dashed bg-subtle px-3 py-4 text-[13px] text-muted-foreground">
              {noPayload(choice.reason)}
            </p>
          )}
        </section>
        <section aria-label="Decision trace" className="grid content-start gap-2">
          <h4 className="text-[13px] font-semibold">Why</h4>
          {trace ? (
            <DecisionTrace trace={trace} />
          ) : (
            <p className="text-[13px] text-muted-foreground">{REASON_INFO[choice.reason].explanation}</p>
          )}
        </section>
      </div>
    </article>
  );
}

function noPayload(reason: PreviewOutcome["choice"]["reason"]): string {
  switch (reason) {
    case "control":
      return "No payload: the visitor is in the control group and sees the original page (body null).";
    case "render_error":
      return "No payload: the template failed to render (body null). Live traffic gets the same, and the error is logged.";
    case "no_match":
      return "No payload: no experience matched (body null). Your page shows its default content.";
    case "not_running":
      return "No payload: the personalization is not running (body null).";
    case "not_found":
      return "No payload: no personalization has this selector (body null).";
    case "served":
      return "";
  }
}

"use client";

import { useState } from "react";
import { ChevronsDownUp, ChevronsUpDown, Dice5, TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils/cn";
import { ExperienceTraceCard } from "./experience-trace";
import { failures } from "./trace-format";
import type { PersonalizationTrace } from "./types";

type DecisionTraceProps = {
  trace: PersonalizationTrace;
  className?: string;
};

/**
 * Why one selector got what it got: a sentence for people in a hurry, the control draw, a render
 * failure if any, then every experience in priority order with its rules. Reusable anywhere a
 * `PersonalizationTrace` is at hand (preview, choose-api with `explain`).
 */
export function DecisionTrace({ trace, className }: DecisionTraceProps) {
  // Bumping the generation remounts the cards with every one open (or closed).
  const [expand, setExpand] = useState<{ generation: number; open: boolean | null }>({
    generation: 0,
    open: null,
  });
  const winnerIndex = trace.experiences.findIndex((e) => e.experienceId === trace.winner);

  return (
    <div className={cn("grid gap-3", className)} data-slot="decision-trace">
      <p className="text-sm leading-relaxed text-pretty">{summarize(trace)}</p>

      {trace.control ? <ControlDraw control={trace.control} /> : null}

      {trace.render && !trace.render.ok ? (
        <div
          role="note"
          className="flex gap-2 rounded-md border border-danger-border bg-danger-subtle px-3 py-2 text-[13px] text-danger-foreground"
        >
          <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <span>
            The payload failed to render
            {trace.render.path ? (
              <>
                {" "}
                at <code className="font-mono">{trace.render.path}</code>
              </>
            ) : null}
            {trace.render.error ? `: ${trace.render.error}` : "."}
          </span>
        </div>
      ) : null}

      {trace.experiences.length > 0 ? (
        <div className="grid gap-2">
          <div className="flex items-center justify-between gap-2">
            <h4 className="text-[13px] font-semibold">Experiences, by priority</h4>
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={() => setExpand((e) => ({ generation: e.generation + 1, open: !(e.open ?? false) }))}
            >
              {expand.open ? <ChevronsDownUp aria-hidden="true" /> : <ChevronsUpDown aria-hidden="true" />}
              {expand.open ? "Collapse all" : "Expand all"}
            </Button>
          </div>
          <ol className="grid gap-2" aria-label="Experiences by priority">
            {trace.experiences.map((experience, index) => {
              const winner = index === winnerIndex;
              return (
                <ExperienceTraceCard
                  key={`${experience.experienceId}-${expand.generation}`}
                  experience={experience}
                  winner={winner}
                  outranked={winnerIndex >= 0 && index > winnerIndex}
                  defaultOpen={expand.open ?? winner}
                />
              );
            })}
          </ol>
        </div>
      ) : trace.personalizationId && trace.reason !== "not_running" ? (
        <p className="text-[13px] text-muted-foreground">This personalization has no experiences.</p>
      ) : null}
    </div>
  );
}

function ControlDraw({ control }: { control: NonNullable<PersonalizationTrace["control"]> }) {
  const threshold = control.controlPercent / 100;
  const inControl = control.arm === "control";
  return (
    <div
      className="grid gap-1.5 rounded-md border bg-subtle px-3 py-2.5 text-[13px]"
      data-slot="control-draw"
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Dice5 aria-hidden="true" className="size-4 text-muted-foreground" />
        <span className="font-medium">Control group</span>
        <span
          className={cn(
            "rounded px-1.5 py-px text-xs font-medium",
            inControl ? "bg-info-subtle text-info-foreground" : "bg-success-subtle text-success-foreground",
          )}
        >
          {inControl ? "control arm: original page" : "treatment arm: gets the payload"}
        </span>
      </div>
      <BucketBar bucket={control.bucket} threshold={threshold} />
      <p className="text-muted-foreground">
        Bucket <span className="font-mono text-foreground tabular-nums">{control.bucket.toFixed(4)}</span>{" "}
        {control.bucket < threshold ? "<" : "≥"}{" "}
        <span className="font-mono text-foreground tabular-nums">{threshold.toFixed(2)}</span> (
        {control.controlPercent}% control).{" "}
        {control.sticky
          ? `The visitor was already assigned the ${control.arm} arm earlier, and keeps it (sticky) whatever the bucket says.`
          : `Newly drawn: ${inControl ? "below" : "at or above"} the control share, so ${inControl ? "control" : "treatment"}.`}
      </p>
    </div>
  );
}

/** The [0, 1) bucket line: the control share shaded, the visitor's bucket as a tick. */
function BucketBar({ bucket, threshold }: { bucket: number; threshold: number }) {
  const pct = (n: number) => `${Math.min(100, Math.max(0, n * 100))}%`;
  return (
    <div className="relative h-2 rounded-full bg-success-subtle ring-1 ring-border" aria-hidden="true">
      <div
        className="absolute inset-y-0 left-0 rounded-l-full bg-info/30"
        style={{ width: pct(threshold) }}
      />
      <div
        className="absolute -top-1 h-4 w-0.5 -translate-x-1/2 rounded bg-foreground"
        style={{ left: pct(bucket) }}
      />
    </div>
  );
}

/** One or two sentences that say what happened and why. */
export function summarize(trace: PersonalizationTrace): string {
  const winner = trace.experiences.find((e) => e.experienceId === trace.winner) ?? null;
  const asRunning = trace.evaluatedAsRunning
    ? ` It is ${trace.status ?? "not running"}, evaluated as if it were running.`
    : "";
  switch (trace.reason) {
    case "not_found":
      return `No personalization has the API selector “${trace.name}”. Check the spelling, or its selector on the personalization's Settings tab.`;
    case "not_running":
      return `“${trace.name}” is ${trace.status ?? "not running"}: live visitors get nothing. Turn on “Include drafts and paused” to see what it would do.`;
    case "no_match": {
      const count = trace.experiences.length;
      if (count === 0) return `No experience to choose from.${asRunning}`;
      const first = trace.experiences[0];
      const why = first ? failures(first)[0] : undefined;
      return `None of the ${count} experience${count === 1 ? " was" : "s were"} eligible, so nothing is served.${
        why && first ? ` The first, “${first.name}”, was excluded because ${why.text}.` : ""
      }${asRunning}`;
    }
    case "control":
      return `“${winner?.name ?? "An experience"}” matched, but the visitor falls in the control group: they see the original page and no payload.${asRunning}`;
    case "render_error":
      return `“${winner?.name ?? "An experience"}” matched, but its payload failed to render, so nothing is served.${asRunning}`;
    case "served": {
      const skipped = winner
        ? trace.experiences.filter((e) => e.priority < winner.priority && !e.eligible).length
        : 0;
      return `“${winner?.name ?? "An experience"}” is served${
        skipped > 0
          ? `: ${skipped} higher-priority experience${skipped === 1 ? " was" : "s were"} not eligible`
          : ": it is the first eligible experience"
      }.${asRunning}`;
    }
  }
}

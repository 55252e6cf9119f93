"use client";

import { useId, useState, type ReactNode } from "react";
import { ChevronRight, Trophy } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils/cn";
import { ConditionTraceView } from "./condition-trace";
import { PassMark } from "./pass-mark";
import { deviceSourceWords, deviceWords, failures, firstFailingNode, type RuleKey } from "./trace-format";
import type { ExperienceTrace } from "./types";

const FREQUENCY_WORDS = {
  always: "Every time",
  once: "Once per visitor",
  once_per_visit: "Once per visit",
  invalid: "Invalid setting",
} as const;

type ExperienceTraceCardProps = {
  experience: ExperienceTrace;
  /** This experience won the selector. */
  winner: boolean;
  /** A higher-priority experience won: this one was checked but could not be chosen. */
  outranked: boolean;
  defaultOpen?: boolean;
};

/**
 * One experience of a trace: a header that says at a glance whether it was eligible and, if not,
 * the first rule that excluded it; expanded, each rule (audience, device, schedule, frequency)
 * with its green or red marker and the values it compared.
 */
export function ExperienceTraceCard({
  experience,
  winner,
  outranked,
  defaultOpen = false,
}: ExperienceTraceCardProps) {
  const [open, setOpen] = useState(defaultOpen);
  const bodyId = useId();
  const failed = failures(experience);
  const first = failed[0] ?? null;
  const rules: { key: RuleKey; label: string; passed: boolean }[] = [
    { key: "audience", label: "Audience", passed: experience.audience.passed },
    { key: "device", label: "Device", passed: experience.device.passed },
    { key: "schedule", label: "Schedule", passed: experience.schedule.passed },
    { key: "frequency", label: "Frequency", passed: experience.frequency.passed },
  ];

  return (
    <li
      data-experience={experience.name}
      data-eligible={experience.eligible}
      className={cn(
        "rounded-lg border bg-background",
        winner && "border-success-border ring-1 ring-success-border",
        outranked && !winner && "opacity-80",
      )}
    >
      <h4 className="m-0">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((o) => !o)}
          className="flex w-full items-start gap-2.5 rounded-lg px-3 py-2.5 text-left hover:bg-subtle focus-ring"
        >
          <ChevronRight
            aria-hidden="true"
            className={cn(
              "mt-0.5 size-4 shrink-0 text-muted-foreground transition-transform",
              open && "rotate-90",
            )}
          />
          <span className="grid min-w-0 flex-1 gap-1">
            <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <span className="text-xs font-medium text-muted-foreground tabular-nums">
                #{experience.priority}
              </span>
              <span className="min-w-0 truncate text-sm font-medium text-foreground">{experience.name}</span>
              {winner ? (
                <Badge variant="success">
                  <Trophy aria-hidden="true" className="size-3" />
                  Chosen
                </Badge>
              ) : experience.eligible ? (
                <Badge variant="neutral">
                  {outranked ? "Eligible, but a higher priority won" : "Eligible"}
                </Badge>
              ) : (
                <Badge variant="danger">Not eligible</Badge>
              )}
            </span>
            <span
              className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-muted-foreground"
              aria-label="Rules"
            >
              {rules.map((rule) => (
                <span key={rule.key} className="inline-flex items-center gap-1">
                  <PassMark passed={rule.passed} className="[&_svg]:size-3.5" />
                  {rule.label}
                </span>
              ))}
            </span>
            {first && !open ? (
              <span className="text-[13px] text-danger-foreground">
                <span className="font-medium">Excluded: </span>
                {first.text}
                {failed.length > 1 ? (
                  <span className="text-muted-foreground"> (+{failed.length - 1} more)</span>
                ) : null}
              </span>
            ) : null}
          </span>
        </button>
      </h4>
      {open ? (
        <div id={bodyId} className="grid gap-2 border-t px-3 py-3">
          <Rule label="Audience" passed={experience.audience.passed} first={first?.rule === "audience"}>
            {experience.audience.status === "needs_setup" ? (
              <p className="text-[13px] text-muted-foreground">
                This experience has no audience condition yet, so it matches nobody (status: needs setup).
              </p>
            ) : experience.audience.condition ? (
              <ConditionTraceView
                trace={experience.audience.condition}
                highlight={firstFailingNode(experience.audience.condition)}
              />
            ) : (
              <p className="text-[13px] text-muted-foreground">No condition recorded.</p>
            )}
          </Rule>
          <Rule label="Device" passed={experience.device.passed} first={first?.rule === "device"}>
            <Facts>
              <Fact label="Required">{deviceWords(experience.device.required)}</Fact>
              <Fact label="Visitor">
                {deviceWords(experience.device.actual)}{" "}
                <span className="text-muted-foreground">({deviceSourceWords(experience.device.source)})</span>
              </Fact>
            </Facts>
          </Rule>
          <Rule label="Schedule" passed={experience.schedule.passed} first={first?.rule === "schedule"}>
            <p className="text-[13px]">{sentence(experience.schedule.reason)}</p>
          </Rule>
          <Rule label="Frequency" passed={experience.frequency.passed} first={first?.rule === "frequency"}>
            <Facts>
              <Fact label="Rule">{FREQUENCY_WORDS[experience.frequency.rule]}</Fact>
              <Fact label="Visitor">{experience.frequency.reason}</Fact>
            </Facts>
          </Rule>
        </div>
      ) : null}
    </li>
  );
}

function sentence(text: string): string {
  return text.length > 0 ? text[0].toUpperCase() + text.slice(1) : text;
}

function Rule({
  label,
  passed,
  first,
  children,
}: {
  label: string;
  passed: boolean;
  first: boolean;
  children: ReactNode;
}) {
  return (
    <section
      aria-label={`${label}: ${passed ? "passed" : "failed"}`}
      data-rule={label.toLowerCase()}
      data-passed={passed}
      className={cn(
        "grid gap-2 rounded-md border px-3 py-2.5",
        first ? "border-danger-border bg-danger-subtle/40" : "border-border",
      )}
    >
      <div className="flex items-center gap-2">
        <PassMark passed={passed} />
        <h5 className="text-[13px] font-semibold">{label}</h5>
        {first ? (
          <span className="text-xs font-medium text-danger-foreground">First rule that excluded it</span>
        ) : null}
      </div>
      <div className="min-w-0">{children}</div>
    </section>
  );
}

function Facts({ children }: { children: ReactNode }) {
  return <dl className="grid gap-1 text-[13px] sm:grid-cols-[6rem_1fr]">{children}</dl>;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="m-0">{children}</dd>
    </>
  );
}

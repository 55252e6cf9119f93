"use client";

import { useId, useMemo } from "react";
import { CalendarClock, Moon, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { validateSchedule } from "@/lib/engine";
import { cn } from "@/lib/utils/cn";
import { WEEKDAYS, crossesMidnight, isoToLocalInput, localInputToIso, summarizeSchedule, type Schedule } from "./schedule";

export interface ScheduleEditorProps {
  /** SPEC §4. `null` or `{}`: always. */
  value: Schedule | null;
  /** The new schedule, or `null` when nothing restricts any more. Fields this editor does not know are kept. */
  onChange: (value: Schedule | null) => void;
  /** The project's IANA time zone: date-times and the window are in it. */
  timezone: string;
  readOnly?: boolean;
  className?: string;
}

type Field = keyof Schedule;
const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];

/** The schedule with one field set (or removed with `undefined`), everything else kept as it was. */
function withField<K extends Field>(schedule: Schedule | null, field: K, value: Schedule[K] | undefined): Schedule | null {
  const next: Record<string, unknown> = { ...schedule };
  if (value === undefined) delete next[field];
  else next[field] = value;
  return Object.keys(next).length === 0 ? null : (next as Schedule);
}

/**
 * The schedule editor (SPEC §4): an optional date range, weekdays and a daily time window, all in
 * the project's time zone, with a one-line summary and the engine's `validateSchedule` problems.
 */
export function ScheduleEditor({ value, onChange, timezone, readOnly = false, className }: ScheduleEditorProps) {
  const id = useId();
  const problems = useMemo(() => validateSchedule(value, timezone), [value, timezone]);
  const problemFor = (...fields: string[]) =>
    problems
      .filter((p) => fields.some((f) => p.path === f || p.path.startsWith(`${f}.`)))
      .map((p) => p.message)
      .join(" ");
  const days = value?.daysOfWeek ?? ALL_DAYS;
  const window = value?.timeWindow;
  const set = <K extends Field>(field: K, fieldValue: Schedule[K] | undefined) => onChange(withField(value, field, fieldValue));

  const toggleDay = (day: number) => {
    const next = days.includes(day) ? days.filter((d) => d !== day) : [...days, day].sort((a, b) => a - b);
    set("daysOfWeek", new Set(next).size === 7 ? undefined : next);
  };

  const other = problems.filter((p) => !["start", "end", "daysOfWeek", "timeWindow"].some((f) => p.path === f || p.path.startsWith(`${f}.`)));

  return (
    <section className={cn("grid min-w-0 gap-4", className)} aria-label="Schedule" data-slot="schedule-editor">
      <div className="flex items-start gap-2 rounded-lg border bg-subtle px-3 py-2.5 text-sm" aria-live="polite">
        <CalendarClock aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
        <p>
          <span className="sr-only">Summary: </span>
          {summarizeSchedule(value, timezone)}
        </p>
      </div>

      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-medium">Dates</legend>
        <DateTimeField
          id={`${id}-start`}
          label="Starts"
          hint={`Inclusive, ${timezone} time. Empty: already started.`}
          value={isoToLocalInput(value?.start, timezone)}
          onChange={(local) => set("start", local === "" ? undefined : (localInputToIso(local, timezone) ?? undefined))}
          error={problemFor("start")}
          disabled={readOnly}
        />
        <DateTimeField
          id={`${id}-end`}
          label="Ends"
          hint={`Exclusive, ${timezone} time. Empty: never ends.`}
          value={isoToLocalInput(value?.end, timezone)}
          onChange={(local) => set("end", local === "" ? undefined : (localInputToIso(local, timezone) ?? undefined))}
          error={problemFor("end")}
          disabled={readOnly}
        />
      </fieldset>

      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-medium">Days</legend>
        <div className="flex flex-wrap gap-1.5" role="group" aria-label="Days of the week" aria-describedby={problemFor("daysOfWeek") ? `${id}-days-error` : undefined}>
          {WEEKDAYS.map((d) => {
            const on = days.includes(d.day);
            return (
              <button
                key={d.day}
                type="button"
                aria-pressed={on}
                aria-label={d.long}
                disabled={readOnly}
                onClick={() => toggleDay(d.day)}
                className={cn(
                  "h-8 min-w-11 rounded-md border px-2 text-[13px] font-medium transition-colors focus-ring disabled:opacity-60",
                  on ? "border-primary bg-primary text-primary-foreground hover:bg-primary-hover" : "border-input bg-background text-muted-foreground hover:bg-muted",
                )}
              >
                {d.short}
              </button>
            );
          })}
        </div>
        {readOnly ? null : (
          <div className="flex flex-wrap gap-x-3 text-[13px]">
            <Button variant="link" size="sm" className="text-[13px]" onClick={() => set("daysOfWeek", undefined)}>
              Every day
            </Button>
            <Button variant="link" size="sm" className="text-[13px]" onClick={() => set("daysOfWeek", [1, 2, 3, 4, 5])}>
              Weekdays
            </Button>
            <Button variant="link" size="sm" className="text-[13px]" onClick={() => set("daysOfWeek", [6, 7])}>
              Weekends
            </Button>
          </div>
        )}
        {problemFor("daysOfWeek") ? (
          <p id={`${id}-days-error`} role="alert" className="text-[13px] font-medium text-danger">
            Pick at least one day.
          </p>
        ) : null}
      </fieldset>

      <fieldset className="grid gap-3">
        <legend className="mb-2 text-sm font-medium">Hours</legend>
        <div className="flex items-center gap-2.5">
          <Switch
            id={`${id}-window`}
            checked={window !== undefined}
            onCheckedChange={(on) => set("timeWindow", on ? { from: "09:00", to: "17:00" } : undefined)}
            disabled={readOnly}
          />
          <Label htmlFor={`${id}-window`} className="font-normal">
            Only between certain hours
          </Label>
        </div>
        {window !== undefined ? (
          <div className="grid gap-2">
            <div className="flex flex-wrap items-end gap-3">
              <TimeField id={`${id}-from`} label="From" value={window.from} onChange={(from) => set("timeWindow", { ...window, from })} disabled={readOnly} />
              <TimeField id={`${id}-to`} label="To" value={window.to} onChange={(to) => set("timeWindow", { ...window, to })} disabled={readOnly} />
              <span className="pb-2 text-[13px] text-muted-foreground">{timezone}</span>
            </div>
            {crossesMidnight(window) ? (
              <p className="flex items-start gap-1.5 text-[13px] text-muted-foreground">
                <Moon aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
                {window.from}–{window.to} crosses midnight and is attributed to the day it starts: with Friday selected, it runs from Friday {window.from} to Saturday {window.to}.
              </p>
            ) : null}
            {problemFor("timeWindow") ? (
              <p role="alert" className="text-[13px] font-medium text-danger">
                {problemFor("timeWindow")}
              </p>
            ) : null}
          </div>
        ) : (
          <p className="text-[13px] text-muted-foreground">All day.</p>
        )}
      </fieldset>

      {other.length > 0 ? (
        <ul className="grid gap-0.5 text-[13px] text-danger">
          {other.map((p) => (
            <li key={`${p.path}-${p.message}`}>{p.message}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function DateTimeField({
  id,
  label,
  hint,
  value,
  onChange,
  error,
  disabled,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  error: string;
  disabled: boolean;
}) {
  return (
    <div className="grid content-start gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <div className="flex gap-1.5">
        <Input
          id={id}
          type="datetime-local"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          aria-invalid={error ? true : undefined}
          disabled={disabled}
          className="min-w-0 flex-1"
        />
        {value !== "" && !disabled ? (
          <Button variant="ghost" size="icon" onClick={() => onChange("")} aria-label={`Clear ${label.toLowerCase()}`}>
            <X aria-hidden="true" />
          </Button>
        ) : null}
      </div>
      <p id={`${id}-hint`} className="text-xs text-muted-foreground">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-[13px] font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function TimeField({ id, label, value, onChange, disabled }: { id: string; label: string; value: string; onChange: (value: string) => void; disabled: boolean }) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} type="time" step={60} value={value} onChange={(e) => e.target.value !== "" && onChange(e.target.value.slice(0, 5))} disabled={disabled} className="w-32 tabular-nums" />
    </div>
  );
}

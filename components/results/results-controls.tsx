"use client";

import { useId } from "react";
import { Download, RotateCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { Engine } from "@/lib/schemas/results";
import { cn } from "@/lib/utils/cn";
import { PRESETS, presetOf, presetRange, type PresetId, type ResultsParams } from "./params";

const ENGINE_LABELS: Record<Engine, { label: string; hint: string }> = {
  frequentist: { label: "Frequentist", hint: "p-value of a two-sided Welch t-test" },
  bayesian: { label: "Bayesian", hint: "chance that treatment beats control, and the risk of each choice" },
};

/** Two options as a radio group that looks like a segmented control (arrow keys move, as in a radio group). */
function EngineSwitch({
  value,
  onChange,
  className,
}: {
  value: Engine;
  onChange: (engine: Engine) => void;
  className?: string;
}) {
  const engines = Object.keys(ENGINE_LABELS) as Engine[];
  return (
    <div
      role="radiogroup"
      aria-label="Statistics engine"
      className={cn("inline-flex h-9 items-center rounded-md border border-input bg-muted p-0.5", className)}
      onKeyDown={(e) => {
        if (!["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"].includes(e.key)) return;
        e.preventDefault();
        const next = engines[(engines.indexOf(value) + 1) % engines.length];
        onChange(next);
        (e.currentTarget.querySelector(`[data-engine="${next}"]`) as HTMLElement | null)?.focus();
      }}
    >
      {engines.map((engine) => {
        const checked = engine === value;
        return (
          <button
            key={engine}
            type="button"
            role="radio"
            aria-checked={checked}
            data-engine={engine}
            tabIndex={checked ? 0 : -1}
            title={ENGINE_LABELS[engine].hint}
            onClick={() => onChange(engine)}
            className={cn(
              "h-full flex-1 rounded-[5px] px-3 text-[13px] font-medium whitespace-nowrap transition-colors focus-ring sm:flex-none",
              checked
                ? "bg-background text-foreground shadow-xs"
                : "text-muted-foreground hover:text-foreground",
            )}
          >
            {ENGINE_LABELS[engine].label}
          </button>
        );
      })}
    </div>
  );
}

export function ResultsControls({
  params,
  today,
  timezone,
  csvHref,
  rangeError,
  refreshing,
  onChange,
  onRefresh,
}: {
  params: ResultsParams;
  today: string;
  timezone: string;
  csvHref: string | null;
  rangeError: string | null;
  refreshing: boolean;
  onChange: (next: ResultsParams) => void;
  onRefresh: () => void;
}) {
  const fromId = useId();
  const toId = useId();
  const errorId = useId();
  const preset = presetOf(params, today);
  const presetLabel = PRESETS.find((p) => p.id === preset)?.label ?? "Custom range";

  return (
    <div className="grid gap-2">
      <div className="grid grid-cols-2 items-end gap-x-3 gap-y-2 sm:flex sm:flex-wrap">
        <div className="col-span-2 grid gap-1">
          <span className="text-xs font-medium text-muted-foreground" aria-hidden="true">
            Range
          </span>
          <Select
            value={preset}
            onValueChange={(v) => {
              if (v === "custom") return;
              onChange({
                ...params,
                ...presetRange(v as Exclude<PresetId, "custom">, today),
                ...emptyRange(v),
              });
            }}
          >
            <SelectTrigger aria-label="Date range" className="w-full sm:w-44">
              <SelectValue>{presetLabel}</SelectValue>
            </SelectTrigger>
            <SelectContent>
              {PRESETS.map((p) => (
                <SelectItem key={p.id} value={p.id}>
                  {p.label}
                </SelectItem>
              ))}
              <SelectItem value="custom" disabled={preset !== "custom"}>
                Custom range
              </SelectItem>
            </SelectContent>
          </Select>
        </div>
        <div className="grid gap-1">
          <label htmlFor={fromId} className="text-xs font-medium text-muted-foreground">
            From
          </label>
          <Input
            id={fromId}
            type="date"
            className="w-full tabular-nums sm:w-40"
            value={params.from ?? ""}
            max={params.to ?? today}
            aria-invalid={rangeError ? true : undefined}
            aria-describedby={rangeError ? errorId : undefined}
            onChange={(e) => onChange({ ...params, from: e.target.value || undefined })}
          />
        </div>
        <div className="grid gap-1">
          <label htmlFor={toId} className="text-xs font-medium text-muted-foreground">
            To
          </label>
          <Input
            id={toId}
            type="date"
            className="w-full tabular-nums sm:w-40"
            value={params.to ?? ""}
            min={params.from}
            aria-invalid={rangeError ? true : undefined}
            aria-describedby={rangeError ? errorId : undefined}
            onChange={(e) => onChange({ ...params, to: e.target.value || undefined })}
          />
        </div>
        <EngineSwitch
          value={params.engine}
          onChange={(engine) => onChange({ ...params, engine })}
          className="col-span-2 flex sm:inline-flex"
        />
        <div className="col-span-2 flex justify-end gap-2 sm:ml-auto">
          <Button
            variant="outline"
            size="icon"
            aria-label="Refresh results"
            onClick={onRefresh}
            loading={refreshing}
          >
            <RotateCw aria-hidden="true" />
          </Button>
          {csvHref ? (
            <Button asChild variant="outline">
              <a href={csvHref} download data-testid="results-csv">
                <Download aria-hidden="true" />
                Download CSV
              </a>
            </Button>
          ) : (
            <Button variant="outline" disabled>
              <Download aria-hidden="true" />
              Download CSV
            </Button>
          )}
        </div>
      </div>
      <p className="text-xs text-muted-foreground">
        Days are counted in the project&apos;s time zone, {timezone}. Users count from their first exposure in
        the range; their conversions up to its end.
      </p>
      {rangeError ? (
        <p id={errorId} role="alert" className="text-xs text-danger-foreground">
          {rangeError}
        </p>
      ) : null}
    </div>
  );
}

/** "Since it started" clears both ends. */
function emptyRange(preset: string): Partial<ResultsParams> {
  return preset === "all" ? { from: undefined, to: undefined } : {};
}

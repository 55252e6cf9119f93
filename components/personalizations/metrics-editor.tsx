"use client";

import { useId } from "react";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { AGGREGATIONS } from "@/lib/schemas/metrics";
import { cn } from "@/lib/utils/cn";
import { emptyMetric, type Aggregation, type MetricRow } from "./metrics";

const AGGREGATION_LABELS: Record<Aggregation, string> = {
  first: "First value",
  last: "Last value",
  sum: "Sum",
  avg: "Average",
  max: "Maximum",
  min: "Minimum",
};

type MetricsEditorProps = {
  value: MetricRow[];
  onChange: (rows: MetricRow[]) => void;
  /** The error of a row's field ("0.event") or of the whole list (""). */
  errorAt?: (path: string) => string | undefined;
  /** Event names seen in the project, offered as the user types. */
  eventNames?: readonly string[];
  readOnly?: boolean;
  /** Prefix of the controls' ids, for links to a field ("metric-0-event"). */
  idPrefix?: string;
};

/** One primary metric and any number of secondary ones: *triggered* or a property's value, aggregated per user. */
export function MetricsEditor({
  value,
  onChange,
  errorAt = () => undefined,
  eventNames = [],
  readOnly = false,
  idPrefix = "metric",
}: MetricsEditorProps) {
  const listId = useId();
  const radioName = useId();
  const update = (i: number, patch: Partial<MetricRow>) =>
    onChange(value.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const setPrimary = (i: number) => onChange(value.map((row, j) => ({ ...row, primary: j === i })));
  const remove = (i: number) => {
    const rest = value.filter((_, j) => j !== i);
    if (value[i]?.primary && rest.length > 0 && !rest.some((r) => r.primary))
      rest[0] = { ...rest[0], primary: true };
    onChange(rest);
  };
  const rootError = errorAt("");

  return (
    <div className="grid gap-3">
      {eventNames.length > 0 ? (
        <datalist id={listId}>
          {eventNames.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      ) : null}
      {value.length === 0 ? (
        <p className="rounded-lg border border-dashed px-4 py-5 text-center text-sm text-muted-foreground">
          No metrics yet. Starting needs exactly one{" "}
          <strong className="font-medium text-foreground">primary</strong> metric: the conversion this
          personalization is judged by.
        </p>
      ) : null}
      {value.map((row, i) => {
        const id = (field: string) => `${idPrefix}-${i}-${field}`;
        const err = (field: string) => errorAt(`${i}.${field}`);
        const isValue = row.measure === "value";
        return (
          <fieldset
            key={row.id ?? `new-${i}`}
            className={cn(
              "grid gap-3 rounded-lg border p-3 sm:p-4",
              row.primary && "border-primary/40 bg-primary-subtle/30",
            )}
          >
            <legend className="sr-only">Metric {i + 1}</legend>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <label className="inline-flex items-center gap-2 text-sm font-medium">
                <input
                  type="radio"
                  name={radioName}
                  checked={row.primary}
                  disabled={readOnly}
                  onChange={() => setPrimary(i)}
                  className="size-4 accent-(--color-primary)"
                  id={id("primary")}
                />
                {row.primary ? "Primary metric" : "Secondary metric · make primary"}
              </label>
              {readOnly ? null : (
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  onClick={() => remove(i)}
                  aria-label={`Remove metric ${i + 1}${row.event ? ` (${row.event})` : ""}`}
                >
                  <Trash2 aria-hidden="true" />
                  <span className="hidden sm:inline">Remove</span>
                </Button>
              )}
            </div>
            <div
              className={cn(
                "grid gap-3",
                isValue
                  ? "md:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)]"
                  : "md:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)]",
              )}
            >
              <div className="grid content-start gap-1.5">
                <Label htmlFor={id("event")}>Event</Label>
                <Input
                  id={id("event")}
                  list={eventNames.length > 0 ? listId : undefined}
                  value={row.event}
                  readOnly={readOnly}
                  placeholder="purchase"
                  autoComplete="off"
                  aria-invalid={err("event") ? true : undefined}
                  aria-describedby={err("event") ? `${id("event")}-error` : undefined}
                  onChange={(e) => update(i, { event: e.target.value })}
                />
                {err("event") ? (
                  <p id={`${id("event")}-error`} className="text-[13px] font-medium text-danger">
                    {err("event")}
                  </p>
                ) : null}
              </div>
              <div className="grid content-start gap-1.5">
                <Label htmlFor={id("measure")}>Measured as</Label>
                <Select
                  value={row.measure}
                  disabled={readOnly}
                  onValueChange={(m) =>
                    update(
                      i,
                      m === "value"
                        ? { measure: "value", aggregation: row.aggregation || "sum" }
                        : { measure: "triggered", property: "", aggregation: "" },
                    )
                  }
                >
                  <SelectTrigger id={id("measure")}>
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    <SelectItem value="triggered">Triggered (did it)</SelectItem>
                    <SelectItem value="value">A property&apos;s value</SelectItem>
                  </SelectContent>
                </Select>
              </div>
              {isValue ? (
                <>
                  <div className="grid content-start gap-1.5">
                    <Label htmlFor={id("property")}>Property</Label>
                    <Input
                      id={id("property")}
                      value={row.property}
                      readOnly={readOnly}
                      placeholder="amount"
                      aria-invalid={err("property") ? true : undefined}
                      onChange={(e) => update(i, { property: e.target.value })}
                    />
                    {err("property") ? (
                      <p className="text-[13px] font-medium text-danger">{err("property")}</p>
                    ) : null}
                  </div>
                  <div className="grid content-start gap-1.5">
                    <Label htmlFor={id("aggregation")}>Per user</Label>
                    <Select
                      value={row.aggregation || undefined}
                      disabled={readOnly}
                      onValueChange={(a) => update(i, { aggregation: a as Aggregation })}
                    >
                      <SelectTrigger
                        id={id("aggregation")}
                        aria-invalid={err("aggregation") ? true : undefined}
                      >
                        <SelectValue placeholder="Choose…" />
                      </SelectTrigger>
                      <SelectContent>
                        {AGGREGATIONS.map((a) => (
                          <SelectItem key={a} value={a}>
                            {AGGREGATION_LABELS[a]}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                    {err("aggregation") ? (
                      <p className="text-[13px] font-medium text-danger">{err("aggregation")}</p>
                    ) : null}
                  </div>
                </>
              ) : null}
            </div>
            {err("primary") ? <p className="text-[13px] font-medium text-danger">{err("primary")}</p> : null}
          </fieldset>
        );
      })}
      {rootError ? (
        <p role="alert" className="text-[13px] font-medium text-danger">
          {rootError}
        </p>
      ) : null}
      {readOnly ? null : (
        <div>
          <Button
            type="button"
            variant="outline"
            size="sm"
            onClick={() => onChange([...value, emptyMetric(!value.some((r) => r.primary))])}
          >
            <Plus aria-hidden="true" />
            {value.length === 0 ? "Add the primary metric" : "Add a secondary metric"}
          </Button>
        </div>
      )}
    </div>
  );
}

"use client";

import { useState, type KeyboardEvent } from "react";
import { X } from "lucide-react";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { controlClasses } from "@/components/ui/input";
import { cn } from "@/lib/utils/cn";
import { TYPE_LABELS, operatorLabel } from "./labels";
import { OPERATORS, operandKind, withOperator, withType, type ValueOp, type ValueTest, type ValueType } from "./model";

const TYPES = Object.keys(TYPE_LABELS) as ValueType[];

export function numberFrom(text: string): number | null {
  if (text.trim() === "") return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** Type, operator and operand inputs of one value test. `label` names the attribute for screen readers. */
export function ValueTestEditor({
  test,
  onChange,
  label,
  disabled = false,
  pageOnly = false,
}: {
  test: ValueTest;
  onChange: (test: ValueTest) => void;
  label: string;
  disabled?: boolean;
  /** Page conditions compare text only: no type menu. */
  pageOnly?: boolean;
}) {
  const kind = operandKind(test.type, test.op);
  return (
    <>
      {pageOnly ? null : (
        <Select value={test.type} onValueChange={(t) => onChange(withType(test, t as ValueType))} disabled={disabled}>
          <SelectTrigger size="sm" className="sm:w-28" aria-label={`Type of ${label}`}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {TYPES.map((t) => (
              <SelectItem key={t} value={t}>
                {TYPE_LABELS[t]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      )}
      <Select value={test.op} onValueChange={(op) => onChange(withOperator(test, op as ValueOp))} disabled={disabled}>
        <SelectTrigger size="sm" className="sm:w-40" aria-label={`Operator for ${label}`}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {OPERATORS[test.type].map((op) => (
            <SelectItem key={op} value={op}>
              {operatorLabel(test.type, op)}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      {kind === "text" ? (
        <Input
          className="h-8 text-[13px] sm:w-48 sm:flex-1"
          value={typeof test.value === "string" ? test.value : ""}
          onChange={(e) => onChange({ ...test, value: e.target.value })}
          placeholder={test.op === "matches" ? "^/pricing(/|$)" : test.type === "version" ? "2.1.0" : "value"}
          aria-label={`Value for ${label}`}
          spellCheck={false}
          disabled={disabled}
        />
      ) : kind === "number" ? (
        <NumberInput value={typeof test.value === "number" ? test.value : null} onChange={(n) => onChange({ ...test, value: n })} label={`Value for ${label}`} disabled={disabled} />
      ) : kind === "range" ? (
        <span className="flex items-center gap-2">
          <NumberInput value={typeof test.value === "number" ? test.value : null} onChange={(n) => onChange({ ...test, value: n })} label={`Lowest value for ${label}`} disabled={disabled} />
          <span className="text-[13px] text-muted-foreground">and</span>
          <NumberInput value={test.to} onChange={(n) => onChange({ ...test, to: n })} label={`Highest value for ${label}`} disabled={disabled} />
        </span>
      ) : kind === "texts" || kind === "numbers" ? (
        <ValuesInput values={test.values} numeric={kind === "numbers"} onChange={(values) => onChange({ ...test, values })} label={`Values for ${label}`} disabled={disabled} />
      ) : null}
    </>
  );
}

/** A number field that keeps what is being typed ("1.", "-") until it is a number. */
export function NumberInput({
  value,
  onChange,
  label,
  disabled,
  className,
  min,
}: {
  value: number | null;
  onChange: (value: number | null) => void;
  label: string;
  disabled?: boolean;
  className?: string;
  min?: number;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (value === null ? "" : String(value));
  return (
    <Input
      type="number"
      inputMode="decimal"
      className={cn("h-8 w-24 text-[13px] tabular-nums", className)}
      value={shown}
      min={min}
      onChange={(e) => {
        setDraft(e.target.value);
        onChange(numberFrom(e.target.value));
      }}
      onBlur={() => setDraft(null)}
      aria-label={label}
      disabled={disabled}
    />
  );
}

/** Chips: type a value and press Enter or comma to add it; Backspace in the empty field removes the last. */
export function ValuesInput({
  values,
  numeric,
  onChange,
  label,
  disabled,
}: {
  values: readonly (string | number)[];
  numeric: boolean;
  onChange: (values: (string | number)[]) => void;
  label: string;
  disabled?: boolean;
}) {
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    const text = draft.trim();
    if (text === "") return;
    if (numeric) {
      const n = numberFrom(text);
      if (n === null) {
        setError(`"${text}" is not a number`);
        return;
      }
      onChange([...values, n]);
    } else {
      onChange([...values, draft]);
    }
    setDraft("");
    setError(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" || (e.key === "," && !e.nativeEvent.isComposing)) {
      e.preventDefault();
      commit();
    } else if (e.key === "Backspace" && draft === "" && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };
  return (
    <div className="grid min-w-0 gap-1 sm:flex-1">
      <div
        className={cn(controlClasses, "flex min-h-8 flex-wrap items-center gap-1 px-1.5 py-1", disabled && "opacity-60")}
        onClick={(e) => e.currentTarget.querySelector("input")?.focus()}
      >
        {values.map((v, i) => (
          <span key={`${i}-${String(v)}`} className="inline-flex max-w-full items-center gap-0.5 rounded bg-muted py-0.5 pr-0.5 pl-1.5 text-xs">
            <span className="truncate">{String(v) === "" ? "(empty)" : String(v)}</span>
            {disabled ? null : (
              <button
                type="button"
                className="rounded p-0.5 text-muted-foreground hover:bg-border hover:text-foreground focus-ring"
                onClick={(e) => {
                  e.stopPropagation();
                  onChange(values.filter((_, j) => j !== i));
                }}
                aria-label={`Remove ${String(v)}`}
              >
                <X aria-hidden="true" className="size-3" />
              </button>
            )}
          </span>
        ))}
        <input
          className="h-6 min-w-20 flex-1 bg-transparent px-1 text-[13px] outline-none placeholder:text-muted-foreground/80"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={commit}
          placeholder={values.length === 0 ? (numeric ? "Type a number, Enter" : "Type a value, Enter") : ""}
          inputMode={numeric ? "decimal" : undefined}
          aria-label={label}
          aria-invalid={error !== null || undefined}
          disabled={disabled}
        />
      </div>
      {error ? <span className="text-xs text-danger">{error}</span> : null}
    </div>
  );
}

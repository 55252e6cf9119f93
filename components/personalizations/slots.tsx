"use client";

// Adapters between the authoring pages and the shared widgets other engineers build
// (components/payload-editor, audience-builder, display-editor, schedule-editor). Every page uses
// these, so integrating a widget is a change here only. Until a widget lands, a plain fallback
// keeps the value editable.

import { useState } from "react";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { DEVICES, FREQUENCIES } from "@/lib/schemas/experiences";
import { cn } from "@/lib/utils/cn";
import { isPlainObject, parseJsonText, prettyJson } from "./json";
import { devicesLabel, frequencyLabel } from "./summaries";

export type Frequency = (typeof FREQUENCIES)[number];
export type Devices = (typeof DEVICES)[number];
export type DisplayValue = { frequency: Frequency; devices: Devices };
export type AudienceValue = Record<string, unknown> | null;
export type ScheduleValue = Record<string, unknown> | null;

type FieldBase = {
  /** The id of the wrapper: problem links scroll here and focus the first control inside. */
  id: string;
  readOnly?: boolean;
  error?: string;
  /** Accessible name, e.g. "Payload of Returning users". */
  label: string;
};

// ─── Payload ──────────────────────────────────────────────────────────────────────────────────
// SLOT: components/payload-editor (Monaco, JSON markers, Liquid completion, format on save, preview).

export function PayloadField({
  id,
  value,
  onChange,
  readOnly,
  error,
  label,
  height = 260,
}: FieldBase & { value: string; onChange: (text: string) => void; height?: number }) {
  return (
    <div id={id} className="grid gap-2">
      <Textarea
        aria-label={label}
        aria-invalid={error ? true : undefined}
        readOnly={readOnly}
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => {
          const parsed = parseJsonText(value);
          if (parsed.ok) onChange(prettyJson(parsed.value));
        }}
        className="font-mono text-[13px] [field-sizing:fixed]"
        style={{ height }}
      />
    </div>
  );
}

// ─── Audience ─────────────────────────────────────────────────────────────────────────────────
// SLOT: components/audience-builder (rows of attribute/event/segment/page conditions, AND/OR, JSON fallback).

function JsonObjectField({
  id,
  value,
  onChange,
  readOnly,
  label,
  placeholder,
}: FieldBase & {
  value: Record<string, unknown> | null;
  onChange: (v: Record<string, unknown> | null) => void;
  placeholder: string;
}) {
  const [text, setText] = useState(() => (value ? prettyJson(value) : ""));
  const [problem, setProblem] = useState<string | null>(null);
  const [last, setLast] = useState(value);
  if (last !== value) {
    setLast(value);
    const parsed = parseJsonText(text);
    if (!(parsed.ok && JSON.stringify(parsed.value) === JSON.stringify(value)))
      setText(value ? prettyJson(value) : "");
  }
  return (
    <div className="grid gap-1.5">
      <Textarea
        id={`${id}-json`}
        aria-label={label}
        readOnly={readOnly}
        spellCheck={false}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          if (next.trim() === "") {
            setProblem(null);
            onChange(null);
            return;
          }
          const parsed = parseJsonText(next);
          if (parsed.ok && (isPlainObject(parsed.value) || parsed.value === null)) {
            setProblem(null);
            onChange(parsed.value as Record<string, unknown> | null);
          } else setProblem(parsed.ok ? "must be a JSON object" : parsed.message);
        }}
        className="min-h-24 font-mono text-[13px]"
      />
      {problem ? <p className="text-[13px] text-danger">{problem}</p> : null}
    </div>
  );
}

export function AudienceField({
  id,
  value,
  onChange,
  readOnly,
  error,
  label,
}: FieldBase & { value: AudienceValue; onChange: (v: AudienceValue) => void }) {
  const everyone = isPlainObject(value) && value.$everyone === true && Object.keys(value).length === 1;
  return (
    <div id={id} className={cn("grid gap-2 rounded-lg border p-3", error && "border-danger")}>
      {readOnly ? null : (
        <div className="flex flex-wrap gap-2">
          <Button
            type="button"
            size="sm"
            variant={everyone ? "secondary" : "outline"}
            onClick={() => onChange({ $everyone: true })}
          >
            Everyone
          </Button>
          <Button type="button" size="sm" variant="ghost" onClick={() => onChange(null)}>
            Clear
          </Button>
        </div>
      )}
      <JsonObjectField
        id={id}
        value={value}
        onChange={onChange}
        readOnly={readOnly}
        label={label}
        placeholder='{"user.plan": "pro"}'
      />
    </div>
  );
}

// ─── Display ──────────────────────────────────────────────────────────────────────────────────
// SLOT: components/display-editor.

export function DisplayField({
  id,
  value,
  onChange,
  readOnly,
  label,
}: FieldBase & { value: DisplayValue; onChange: (v: DisplayValue) => void }) {
  return (
    <div id={id} className="grid gap-3 sm:grid-cols-2" role="group" aria-label={label}>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-frequency`}>Frequency</Label>
        <Select
          value={value.frequency}
          onValueChange={(f) => onChange({ ...value, frequency: f as Frequency })}
          disabled={readOnly}
        >
          <SelectTrigger id={`${id}-frequency`}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {FREQUENCIES.map((f) => (
              <SelectItem key={f} value={f}>
                {frequencyLabel(f)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-devices`}>Devices</Label>
        <Select
          value={value.devices}
          onValueChange={(d) => onChange({ ...value, devices: d as Devices })}
          disabled={readOnly}
        >
          <SelectTrigger id={`${id}-devices`}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {DEVICES.map((d) => (
              <SelectItem key={d} value={d}>
                {devicesLabel(d)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
    </div>
  );
}

// ─── Schedule ─────────────────────────────────────────────────────────────────────────────────
// SLOT: components/schedule-editor (date range, weekdays, hour window in the project's zone).

export function ScheduleField({
  id,
  value,
  onChange,
  readOnly,
  error,
  label,
  timezone,
}: FieldBase & { value: ScheduleValue; onChange: (v: ScheduleValue) => void; timezone: string }) {
  return (
    <div id={id} className={cn("grid gap-1.5", error && "[&_textarea]:border-danger")}>
      <JsonObjectField
        id={id}
        value={value}
        onChange={onChange}
        readOnly={readOnly}
        label={label}
        placeholder='{"daysOfWeek": [1, 2, 3, 4, 5], "timeWindow": {"from": "09:00", "to": "17:00"}}'
      />
      <p className="text-[13px] text-muted-foreground">
        Empty: always. Times are in the project&apos;s zone, {timezone}.
      </p>
    </div>
  );
}

"use client";

// Adapters between the authoring pages and the shared widgets (components/payload-editor,
// audience-builder, display-editor, schedule-editor). Every page uses these, so a page never
// fetches a catalog or converts a value for a widget itself: it passes the API's value shapes and
// gets them back (decision 102).
//
// Each field's wrapper carries the `id` problem links go to: `revealElement` scrolls there and
// focuses the code editor inside (Monaco, once mounted) or the first control of the widget.

import { useMemo } from "react";
import { AudienceBuilder, type ConditionJson } from "@/components/audience-builder";
import { useConsole } from "@/components/console/console-context";
import { DisplayEditor } from "@/components/display-editor";
import { PayloadEditor, scopeFromTestProfile, type PreviewProfile } from "@/components/payload-editor";
import { ScheduleEditor, type Schedule } from "@/components/schedule-editor";
import type { DEVICES, FREQUENCIES } from "@/lib/schemas/experiences";
import { cn } from "@/lib/utils/cn";
import { useAttributeCatalog, useEventNames, useSegments, useTestProfiles } from "./queries";

export type Frequency = (typeof FREQUENCIES)[number];
export type Devices = (typeof DEVICES)[number];
export type DisplayValue = { frequency: Frequency; devices: Devices };
export type AudienceValue = Record<string, unknown> | null;
export type ScheduleValue = Record<string, unknown> | null;

type FieldBase = {
  /** The id of the wrapper: problem links scroll here and focus the editor or first control inside. */
  id: string;
  readOnly?: boolean;
  /** The form's message for this field: the widget is framed in red (the page shows the text). */
  error?: string;
  /** Accessible name, e.g. "Payload of Returning users". */
  label: string;
};

const NONE: readonly never[] = [];

// ─── Payload ──────────────────────────────────────────────────────────────────────────────────
// components/payload-editor: Monaco, JSON markers, Liquid completion from the attribute catalog,
// format on Ctrl/Cmd+S, a 64 KiB meter, a preview rendered for a saved test profile.

export function PayloadField({
  id,
  value,
  onChange,
  readOnly,
  error,
  label,
  height = 300,
}: FieldBase & { value: string; onChange: (text: string) => void; height?: number }) {
  const { timezone } = useConsole();
  const catalog = useAttributeCatalog();
  const testProfiles = useTestProfiles();
  const profiles = useMemo<PreviewProfile[]>(
    () => (testProfiles.data ?? []).map((p) => ({ id: p.id, name: p.name, scope: scopeFromTestProfile(p) })),
    [testProfiles.data],
  );
  return (
    <div id={id} className="min-w-0">
      <PayloadEditor
        value={value}
        onChange={onChange}
        aria-label={label}
        readOnly={readOnly}
        invalid={Boolean(error)}
        height={height}
        catalog={catalog.data ?? NONE}
        timezone={timezone}
        profiles={profiles}
      />
    </div>
  );
}

// ─── Audience ─────────────────────────────────────────────────────────────────────────────────
// components/audience-builder: rows of attribute/event/segment/page conditions, AND/OR groups,
// Everyone, and a JSON editor for a condition the rows cannot show.

export function AudienceField({
  id,
  value,
  onChange,
  readOnly,
  error,
  label,
}: FieldBase & { value: AudienceValue; onChange: (v: AudienceValue) => void }) {
  const attributes = useAttributeCatalog();
  const eventNames = useEventNames();
  const segments = useSegments();
  const events = useMemo(() => (eventNames.data ?? []).map((name) => ({ name })), [eventNames.data]);
  const segmentEntries = useMemo(
    () => segments.data?.map((s) => ({ key: s.key, name: s.name })),
    [segments.data],
  );
  return (
    <div id={id} className={cn("min-w-0 rounded-lg border p-3 sm:p-4", error && "border-danger")}>
      <AudienceBuilder
        value={value as ConditionJson | null}
        onChange={(next) => onChange(next === null ? null : { ...next })}
        attributeCatalog={attributes.data ?? NONE}
        eventCatalog={events}
        segments={segmentEntries}
        readOnly={readOnly}
        aria-label={label}
      />
    </div>
  );
}

// ─── Display ──────────────────────────────────────────────────────────────────────────────────
// components/display-editor: frequency and devices as radio cards.

export function DisplayField({
  id,
  value,
  onChange,
  readOnly,
  error,
  label,
}: FieldBase & { value: DisplayValue; onChange: (v: DisplayValue) => void }) {
  return (
    <div
      id={id}
      role="group"
      aria-label={label}
      className={cn("min-w-0", error && "rounded-lg ring-1 ring-danger ring-offset-4")}
    >
      <DisplayEditor value={value} onChange={(next) => onChange({ ...next })} readOnly={readOnly} />
    </div>
  );
}

// ─── Schedule ─────────────────────────────────────────────────────────────────────────────────
// components/schedule-editor: date range, weekdays and an hour window in the project's zone.

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
    <div
      id={id}
      role="group"
      aria-label={label}
      className={cn("min-w-0", error && "rounded-lg ring-1 ring-danger ring-offset-4")}
    >
      <ScheduleEditor
        value={value as Schedule | null}
        onChange={(next) => onChange(next === null ? null : { ...next })}
        timezone={timezone}
        readOnly={readOnly}
      />
    </div>
  );
}

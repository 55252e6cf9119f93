"use client";

import { useMemo, useState } from "react";
import { Braces, ListTree, Users } from "lucide-react";
import { JsonEditor } from "@/components/json-editor";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { audienceStatus, findSegmentRefs, validateCondition, type ConditionProblem } from "@/lib/engine";
import { cn } from "@/lib/utils/cn";
import {
  blankRow,
  conditionToModel,
  modelToConditionWithPaths,
  valueTypeOf,
  type AudienceModel,
  type ConditionJson,
  type RowKind,
  type ToModelOptions,
} from "./model";
import { problemsByRow } from "./problems";
import type { AttributeEntry, Catalogs, EventEntry, SegmentEntry } from "./row-editors";
import { AddConditionMenu, RulesEditor } from "./rules-editor";

export interface AudienceBuilderProps {
  /** The SPEC §3 condition; `null` or `{}` is an audience not set up yet ("Needs setup"). */
  value: ConditionJson | null;
  /** Called with each edit: a condition object, or `null` when the audience is emptied. */
  onChange: (value: ConditionJson | null) => void;
  /** The attribute catalog (`GET …/catalog/attributes`): path suggestions and value types. */
  attributeCatalog?: readonly AttributeEntry[];
  /** The event catalog (`GET …/catalog/events`), optionally with each event's properties. */
  eventCatalog?: readonly EventEntry[];
  /** The project's segments; without them any key is accepted and typed by hand. */
  segments?: readonly SegmentEntry[];
  readOnly?: boolean;
  /** Labels the whole builder (the surrounding form's field name). */
  "aria-label"?: string;
  className?: string;
}

type View =
  | { mode: "builder"; model: AudienceModel }
  | {
      mode: "json";
      text: string;
      /** Why the builder could not show it (opened in JSON by force), or null (the user chose JSON). */
      reason: string | null;
      /** The text is not a valid audience (not sent to onChange until it is). */
      error: string | null;
      /** Set when "Open in the builder" failed. */
      refused: string | null;
    };

interface State {
  view: View;
  /** The condition the view shows, as JSON text: what was last read from or sent to the parent. */
  viewKey: string;
  /** The `value` prop last seen, to notice changes made outside the builder. */
  propKey: string;
}

const keyOf = (value: unknown) => JSON.stringify(value ?? null);

function viewOf(value: unknown, options: ToModelOptions): View {
  const read = conditionToModel(value, options);
  if ("model" in read) return { mode: "builder", model: read.model };
  return { mode: "json", text: JSON.stringify(value, null, 2), reason: read.unsupported, error: null, refused: null };
}

function parseAudience(text: string): { ok: ConditionJson | null } | { error: string } {
  if (text.trim() === "") return { ok: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { error: error instanceof Error ? error.message : "Invalid JSON" };
  }
  if (parsed === null) return { ok: null };
  if (typeof parsed !== "object" || Array.isArray(parsed)) return { error: "An audience is a JSON object (a condition), or null." };
  return { ok: parsed as ConditionJson };
}

/**
 * The audience builder (SPEC §3, §8): rows of attribute, event, segment and page conditions in
 * AND/OR groups, or "Everyone". A condition it cannot show exactly opens in the JSON editor, kept
 * as written. Problems from the engine's `validateCondition` show next to the rows they concern.
 */
export function AudienceBuilder({
  value,
  onChange,
  attributeCatalog = [],
  eventCatalog = [],
  segments,
  readOnly = false,
  "aria-label": ariaLabel = "Audience",
  className,
}: AudienceBuilderProps) {
  const options = useMemo<ToModelOptions>(() => {
    const attributes = new Map(attributeCatalog.map((a) => [a.path, valueTypeOf(a.type)]));
    const events = new Map(eventCatalog.map((e) => [e.name, new Map((e.properties ?? []).map((p) => [p.path, valueTypeOf(p.type)]))]));
    return { typeOf: (path, event) => (event === undefined ? attributes.get(path) : events.get(event)?.get(path)) };
  }, [attributeCatalog, eventCatalog]);

  const propKey = keyOf(value);
  const [state, setState] = useState<State>(() => ({ view: viewOf(value, options), viewKey: propKey, propKey }));
  if (propKey !== state.propKey) {
    // The value changed outside the builder (a reload, a reset): show it, unless it is what we sent.
    setState({ propKey, viewKey: propKey, view: propKey === state.viewKey ? state.view : viewOf(value, options) });
  }
  const { view } = state;

  const emit = (next: View, condition: ConditionJson | null) => {
    const key = keyOf(condition);
    setState((s) => ({ ...s, view: next, viewKey: key }));
    if (key !== state.viewKey) onChange(condition);
  };

  const setModel = (model: AudienceModel) => emit({ mode: "builder", model }, modelToConditionWithPaths(model).condition);

  const written = useMemo(() => (view.mode === "builder" ? modelToConditionWithPaths(view.model) : null), [view]);
  const current: ConditionJson | null = written !== null ? written.condition : view.mode === "json" ? parsedOr(view.text, value) : null;

  const problems: ConditionProblem[] = useMemo(() => {
    if (current === null) return [];
    const segmentKeys = segments ? segments.map((s) => s.key) : findSegmentRefs(current);
    return validateCondition(current, { segmentKeys });
  }, [current, segments]);
  const placed = useMemo(
    () => (written !== null && view.mode === "builder" ? problemsByRow(view.model, written.paths, problems) : { rows: new Map<string, string[]>(), general: problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)) }),
    [written, view, problems],
  );

  const catalogs: Catalogs = { attributes: attributeCatalog, events: eventCatalog, segments: segments ?? null };
  const status = audienceStatus(current);
  const problemCount = placed.general.length + [...placed.rows.values()].reduce((n, list) => n + list.length, 0);

  const startWith = (kind: RowKind) => setModel({ kind: "rules", combinator: "and", items: [blankRow(kind)] });

  const toJson = () => {
    if (view.mode === "json") return;
    setState((s) => ({ ...s, view: { mode: "json", text: current === null ? "" : JSON.stringify(current, null, 2), reason: null, error: null, refused: null } }));
  };
  const toBuilder = () => {
    if (view.mode !== "json") return;
    const parsed = parseAudience(view.text);
    if ("error" in parsed) {
      setState((s) => ({ ...s, view: { ...view, refused: `The JSON is not valid yet: ${parsed.error}` } }));
      return;
    }
    const read = conditionToModel(parsed.ok, options);
    if ("unsupported" in read) {
      setState((s) => ({ ...s, view: { ...view, refused: `The builder cannot show ${read.unsupported}. It stays in JSON, exactly as written.` } }));
      return;
    }
    setState((s) => ({ ...s, view: { mode: "builder", model: read.model } }));
  };
  const onJsonChange = (text: string) => {
    if (view.mode !== "json") return;
    const parsed = parseAudience(text);
    if ("error" in parsed) {
      setState((s) => ({ ...s, view: { ...view, text, error: parsed.error, refused: null } }));
      return;
    }
    emit({ ...view, text, error: null, refused: null }, parsed.ok);
  };

  return (
    <section className={cn("grid min-w-0 gap-3", className)} aria-label={ariaLabel} data-slot="audience-builder">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2" aria-live="polite">
          {status === "ready" ? (
            <Badge variant="success" dot>
              Ready
            </Badge>
          ) : (
            <Badge variant="warning" dot>
              Needs setup
            </Badge>
          )}
          {problemCount > 0 ? (
            <Badge variant="danger">{problemCount === 1 ? "1 problem" : `${problemCount} problems`}</Badge>
          ) : null}
        </div>
        <div className="flex rounded-md border bg-muted p-0.5" role="group" aria-label="Edit the audience as" data-reveal-skip="">
          <Button variant={view.mode === "builder" ? "outline" : "ghost"} size="sm" className={cn("h-7 border-0", view.mode === "builder" && "shadow-xs")} aria-pressed={view.mode === "builder"} onClick={toBuilder}>
            <ListTree aria-hidden="true" />
            Builder
          </Button>
          <Button variant={view.mode === "json" ? "outline" : "ghost"} size="sm" className={cn("h-7 border-0", view.mode === "json" && "shadow-xs")} aria-pressed={view.mode === "json"} onClick={toJson}>
            <Braces aria-hidden="true" />
            JSON
          </Button>
        </div>
      </div>

      {view.mode === "json" ? (
        <div className="grid gap-2">
          {view.reason !== null ? (
            <Alert variant="warning">
              <AlertTitle>Shown as JSON</AlertTitle>
              <AlertDescription>
                The builder cannot show {view.reason}. The audience is kept exactly as written; edit it here.
              </AlertDescription>
            </Alert>
          ) : null}
          {view.refused !== null ? (
            <Alert variant="danger">
              <AlertDescription>{view.refused}</AlertDescription>
            </Alert>
          ) : null}
          <JsonEditor value={view.text} onChange={onJsonChange} aria-label={`${ariaLabel} as JSON`} height={240} readOnly={readOnly} invalid={view.error !== null} />
          {view.error !== null ? <p className="text-[13px] text-danger">Not saved until it is valid: {view.error}</p> : null}
        </div>
      ) : view.model.kind === "empty" ? (
        <div className="grid gap-3 rounded-xl border border-dashed border-border-strong bg-subtle/60 p-4">
          <div className="grid gap-1">
            <p className="text-sm font-medium">No audience yet</p>
            <p className="text-[13px] text-muted-foreground">An empty audience is not “everyone”: the experience needs setup until you add a condition, or choose Everyone.</p>
          </div>
          {readOnly ? null : (
            <div className="flex flex-wrap gap-2">
              <AddConditionMenu onAdd={startWith} />
              <Button variant="outline" size="sm" onClick={() => setModel({ kind: "everyone" })}>
                <Users aria-hidden="true" />
                Everyone
              </Button>
            </div>
          )}
        </div>
      ) : view.model.kind === "everyone" ? (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border bg-background p-4">
          <div className="flex items-center gap-3">
            <div className="flex size-9 items-center justify-center rounded-lg bg-primary-subtle text-primary">
              <Users aria-hidden="true" className="size-4" />
            </div>
            <div className="grid gap-0.5">
              <p className="text-sm font-medium">Everyone</p>
              <p className="text-[13px] text-muted-foreground">Every visitor matches this audience.</p>
            </div>
          </div>
          {readOnly ? null : (
            <div className="flex flex-wrap gap-2">
              <AddConditionMenu label="Use conditions instead" onAdd={startWith} />
            </div>
          )}
        </div>
      ) : (
        <RulesEditor
          rules={view.model}
          onChange={(rules) => setModel(rules === null ? { kind: "empty" } : { kind: "rules", ...rules })}
          catalogs={catalogs}
          problems={placed.rows}
          disabled={readOnly}
        />
      )}

      {placed.general.length > 0 ? (
        <ul className="grid gap-0.5 text-[13px] text-danger">
          {placed.general.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The JSON editor's text as a condition, or the last good value while it does not parse. */
function parsedOr(text: string, fallback: ConditionJson | null): ConditionJson | null {
  const parsed = parseAudience(text);
  return "error" in parsed ? fallback : parsed.ok;
}

"use client";

import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { CircleCheck, OctagonExclamationPoint, RefreshCw, WandSparkles } from "lucide-react";
import { JsonEditor, type CodeEditor, type Monaco } from "@/components/json-editor";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/utils/cn";
import type { CatalogAttribute } from "./liquid-completion";
import { enableLiquidCompletion } from "./liquid-provider";
import { MAX_PAYLOAD_BYTES, analyzePayload, formatBytes, renderLocally, type PayloadIssue, type PreviewProfile } from "./payload";

export type PreviewResult = { body: unknown } | { error: string };

export interface PayloadEditorProps {
  /** The payload as JSON text (what the user typed, kept as typed). */
  value: string;
  onChange: (text: string) => void;
  /** Ctrl/Cmd+S: the text is formatted, then this is called with the parsed payload (only when it is valid JSON). */
  onSave?: (payload: unknown, text: string) => void;
  /** The project's attribute catalog (`GET …/catalog/attributes`), for `{{ attribute.… }}` completion. */
  catalog?: readonly CatalogAttribute[];
  /** The project's time zone: Liquid's `date` filter formats in it. */
  timezone?: string;
  /** Test profiles to preview with; the first option is always an anonymous visitor. */
  profiles?: readonly PreviewProfile[];
  /**
   * Renders the payload for a test profile (the preview API). Without it, or when it fails to
   * answer, the payload is rendered in the browser with the engine's own Liquid sandbox.
   */
  renderPreview?: (payload: unknown, profile: PreviewProfile | null) => Promise<PreviewResult>;
  /** Problems the API reported for this payload, at payload-relative JSON paths ("title", "items.0"). */
  problems?: readonly { path: string; message: string }[];
  readOnly?: boolean;
  /** Red frame: the surrounding form reports a problem with this payload (its text is shown there). */
  invalid?: boolean;
  /** Editor height in pixels. */
  height?: number;
  "aria-label"?: string;
  className?: string;
}

const MARKER_OWNER = "bespoke-payload";
const ANONYMOUS = "__anonymous__";

type Preview =
  | { status: "idle" }
  | { status: "loading"; previous: PreviewState | null }
  | PreviewState;
type PreviewState = ({ status: "done"; body: unknown } | { status: "error"; error: string }) & { source: "api" | "browser"; note?: string };

/**
 * The experience payload editor (SPEC §5, §8): Monaco with JSON validation, Liquid completion
 * and syntax markers, format on save, a 64 KiB size meter, and a live preview for a test profile.
 */
export function PayloadEditor({
  value,
  onChange,
  onSave,
  catalog = [],
  timezone = "UTC",
  profiles = [],
  renderPreview,
  problems = [],
  readOnly = false,
  invalid = false,
  height = 320,
  "aria-label": ariaLabel = "Payload (JSON)",
  className,
}: PayloadEditorProps) {
  const statusId = useId();
  const [editor, setEditor] = useState<{ editor: CodeEditor; monaco: Monaco } | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const analysis = useMemo(() => analyzePayload(value, timezone, problems), [value, timezone, problems]);

  // Completion reads the newest catalog through a ref, so the provider is registered once per editor.
  const catalogRef = useRef(catalog);
  useEffect(() => {
    catalogRef.current = catalog;
  });
  useEffect(() => {
    if (editor === null) return;
    const model = editor.editor.getModel();
    if (model === null) return;
    return enableLiquidCompletion(editor.monaco, model.uri.toString(), () => catalogRef.current);
  }, [editor]);

  // Liquid, size and API problems as markers (the JSON worker marks syntax errors itself).
  useEffect(() => {
    if (editor === null) return;
    const model = editor.editor.getModel();
    if (model === null) return;
    const markers = analysis.issues.flatMap((issue) => {
      if (issue.range === null) return [];
      const start = model.getPositionAt(issue.range.start);
      const end = model.getPositionAt(issue.range.end);
      return [
        {
          severity: editor.monaco.MarkerSeverity.Error,
          message: issue.message,
          startLineNumber: start.lineNumber,
          startColumn: start.column,
          endLineNumber: end.lineNumber,
          endColumn: end.column,
          source: issue.source === "server" ? "Bespoke API" : "Liquid",
        },
      ];
    });
    editor.monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
  }, [editor, analysis]);

  const format = useCallback(async (): Promise<string | null> => {
    if (editor === null || readOnly) return null;
    await editor.editor.getAction("editor.action.formatDocument")?.run();
    return editor.editor.getValue();
  }, [editor, readOnly]);

  const onSaveRef = useRef(onSave);
  useEffect(() => {
    onSaveRef.current = onSave;
  });

  const save = useCallback(async () => {
    if (editor === null) return;
    const text = (await format()) ?? editor.editor.getValue();
    const result = analyzePayload(text, timezone);
    if (!result.valid) {
      setAnnouncement("Not saved: the payload is not valid JSON.");
      return;
    }
    setAnnouncement("Formatted.");
    onSaveRef.current?.(result.value, text);
  }, [editor, format, timezone]);

  // Ctrl/Cmd+S as an editor action (per editor; `addCommand` would be global to all editors).
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    if (editor === null) return;
    const { monaco } = editor;
    const action = editor.editor.addAction({
      id: "bespoke.payload.save",
      label: "Format and save payload",
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS],
      run: () => {
        void saveRef.current();
      },
    });
    return () => action.dispose();
  }, [editor]);

  const reveal = (issue: PayloadIssue) => {
    if (editor === null || issue.range === null) return;
    const model = editor.editor.getModel();
    if (model === null) return;
    const start = model.getPositionAt(issue.range.start);
    const end = model.getPositionAt(issue.range.end);
    editor.editor.setSelection({ startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column });
    editor.editor.revealLineInCenterIfOutsideViewport(start.lineNumber);
    editor.editor.focus();
  };

  const ratio = analysis.bytes / MAX_PAYLOAD_BYTES;
  const sizeTone = ratio > 1 ? "text-danger" : ratio > 0.9 ? "text-warning-foreground" : "text-muted-foreground";
  const listedIssues = analysis.issues;

  return (
    // Side by side only when the editor itself is wide (a container query, not the viewport): in a
    // narrow card the editor keeps the whole width and the preview goes below it.
    <div className={cn("@container min-w-0", className)} data-slot="payload-editor">
      <div className="grid gap-4 @3xl:grid-cols-[minmax(0,1fr)_minmax(16rem,20rem)]">
        <div className="grid min-w-0 content-start gap-2">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
            <div id={statusId} className="flex min-w-0 flex-1 items-center gap-1.5 text-[13px]" aria-live="polite">
              {analysis.valid ? (
                listedIssues.length === 0 ? (
                  <>
                    <CircleCheck aria-hidden="true" className="size-4 shrink-0 text-success" />
                    <span className="text-muted-foreground">Valid JSON</span>
                  </>
                ) : (
                  <>
                    <OctagonExclamationPoint aria-hidden="true" className="size-4 shrink-0 text-danger" />
                    <span className="text-danger">
                      {listedIssues.length === 1 ? "1 problem" : `${listedIssues.length} problems`}
                    </span>
                  </>
                )
              ) : (
                <>
                  <OctagonExclamationPoint aria-hidden="true" className="size-4 shrink-0 text-danger" />
                  <span className="truncate text-danger" title={analysis.error}>
                    Invalid JSON: {analysis.error}
                  </span>
                </>
              )}
            </div>
            <SizeMeter bytes={analysis.bytes} className={sizeTone} />
            <Button variant="outline" size="sm" onClick={() => void format()} disabled={readOnly || editor === null} title="Format (also on Ctrl/Cmd+S)">
              <WandSparkles aria-hidden="true" />
              Format
            </Button>
          </div>
          <JsonEditor
            value={value}
            onChange={onChange}
            aria-label={ariaLabel}
            aria-describedby={statusId}
            height={height}
            readOnly={readOnly}
            invalid={invalid || !analysis.valid || listedIssues.length > 0}
            options={{ quickSuggestions: { other: true, strings: true, comments: false }, suggestOnTriggerCharacters: true, formatOnPaste: false }}
            onMount={(instance, monaco) => setEditor({ editor: instance, monaco })}
          />
          {listedIssues.length > 0 ? (
            <ul className="grid gap-1 text-[13px]" aria-label="Payload problems">
              {listedIssues.map((issue, i) => (
                <li key={`${issue.path}-${i}`} className="flex items-start gap-2 text-danger">
                  <OctagonExclamationPoint aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
                  <span className="min-w-0">
                    {issue.path !== "" ? <code className="mr-1 rounded bg-danger-subtle px-1 font-mono text-xs">{issue.path}</code> : null}
                    {issue.message}
                    {issue.range !== null ? (
                      <Button variant="link" size="sm" className="ml-2 h-auto text-[13px]" onClick={() => reveal(issue)}>
                        Show
                      </Button>
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          <p className="text-xs text-muted-foreground">
            Every string is a Liquid template: type <code className="font-mono">{"{{ attribute.user."}</code> for the attribute catalog, <code className="font-mono">|</code>{" "}
            for filters. Ctrl/Cmd+S formats.
          </p>
          <span className="sr-only" aria-live="polite">
            {announcement}
          </span>
        </div>
        <PreviewPanel
          payload={analysis.valid ? analysis.value : undefined}
          valid={analysis.valid}
          timezone={timezone}
          profiles={profiles}
          renderPreview={renderPreview}
          height={height}
        />
      </div>
    </div>
  );
}

function SizeMeter({ bytes, className }: { bytes: number; className?: string }) {
  const ratio = Math.min(bytes / MAX_PAYLOAD_BYTES, 1);
  return (
    <div className={cn("flex items-center gap-2 text-xs tabular-nums", className)} title="Serialized size; a payload may be at most 64 KiB">
      <div aria-hidden="true" className="h-1.5 w-16 overflow-hidden rounded-full bg-muted">
        <div
          className={cn("h-full rounded-full", bytes > MAX_PAYLOAD_BYTES ? "bg-danger" : ratio > 0.9 ? "bg-warning" : "bg-primary/60")}
          style={{ width: `${Math.max(ratio * 100, bytes > 0 ? 2 : 0)}%` }}
        />
      </div>
      <span>
        {formatBytes(bytes)} <span className="text-muted-foreground">of 64 KiB</span>
      </span>
    </div>
  );
}

function PreviewPanel({
  payload,
  valid,
  timezone,
  profiles,
  renderPreview,
  height,
}: {
  payload: unknown;
  valid: boolean;
  timezone: string;
  profiles: readonly PreviewProfile[];
  renderPreview?: PayloadEditorProps["renderPreview"];
  height: number;
}) {
  const selectId = useId();
  const [profileId, setProfileId] = useState<string>(profiles[0]?.id ?? ANONYMOUS);
  const [preview, setPreview] = useState<Preview>({ status: "idle" });
  const [run, setRun] = useState(0);
  const sequence = useRef(0);
  const profilesRef = useRef(profiles);
  useEffect(() => {
    profilesRef.current = profiles;
  });
  const payloadKey = valid ? JSON.stringify(payload) : null;

  const renderRef = useRef(renderPreview);
  useEffect(() => {
    renderRef.current = renderPreview;
  });

  useEffect(() => {
    if (payloadKey === null) return;
    const mine = ++sequence.current;
    const target: unknown = JSON.parse(payloadKey);
    const timer = setTimeout(async () => {
      setPreview((previous) => ({ status: "loading", previous: previous.status === "done" || previous.status === "error" ? previous : null }));
      const render = renderRef.current;
      const profile = profilesRef.current.find((p) => p.id === profileId) ?? null;
      let next: PreviewState;
      if (render === undefined) {
        next = fromResult(renderLocally(target, profile?.scope, timezone), "browser");
      } else {
        try {
          next = fromResult(await render(target, profile), "api");
        } catch {
          next = { ...fromResult(renderLocally(target, profile?.scope, timezone), "browser"), note: "The preview service did not answer; rendered in the browser instead." };
        }
      }
      if (mine === sequence.current) setPreview(next);
    }, 400);
    return () => clearTimeout(timer);
  }, [payloadKey, profileId, timezone, run]);

  const shown = preview.status === "loading" ? preview.previous : preview.status === "idle" ? null : preview;

  return (
    <aside className="grid min-w-0 content-start gap-2 rounded-lg border bg-subtle p-3" aria-labelledby={`${selectId}-title`}>
      <div className="flex items-center justify-between gap-2">
        <h3 id={`${selectId}-title`} className="text-sm font-semibold">
          Preview
        </h3>
        <Button variant="ghost" size="icon-sm" onClick={() => setRun((n) => n + 1)} disabled={!valid} aria-label="Render again">
          <RefreshCw aria-hidden="true" />
        </Button>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={selectId} className="text-[13px] font-normal text-muted-foreground">
          As test profile
        </Label>
        <Select value={profileId} onValueChange={setProfileId}>
          <SelectTrigger id={selectId} size="sm" className="bg-background">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ANONYMOUS}>Anonymous visitor (no attributes)</SelectItem>
            {profiles.map((p) => (
              <SelectItem key={p.id} value={p.id}>
                {p.name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="relative" aria-live="polite" aria-busy={preview.status === "loading"}>
        {!valid ? (
          <p className="rounded-md border border-dashed bg-background p-3 text-[13px] text-muted-foreground">The preview shows once the payload is valid JSON.</p>
        ) : shown === null ? (
          <div className="flex items-center gap-2 rounded-md border bg-background p-3 text-[13px] text-muted-foreground">
            <Spinner label={null} className="size-3.5" /> Rendering…
          </div>
        ) : shown.status === "error" ? (
          <p role="alert" className="rounded-md border border-danger-border bg-danger-subtle p-3 text-[13px] text-danger-foreground">
            {shown.error}
          </p>
        ) : (
          <pre
            className="overflow-auto rounded-md border bg-background p-3 font-mono text-xs leading-relaxed whitespace-pre-wrap break-words"
            style={{ maxHeight: Math.max(height - 96, 160) }}
            aria-label="Rendered payload"
            tabIndex={0}
          >
            {JSON.stringify(shown.body, null, 2)}
          </pre>
        )}
        {preview.status === "loading" && shown !== null ? (
          <Spinner label="Rendering" className="absolute top-2 right-2 size-3.5 text-muted-foreground" />
        ) : null}
      </div>
      {shown !== null && valid ? (
        <p className="text-xs text-muted-foreground">
          {shown.note ? shown.note : shown.source === "api" ? "Rendered by the preview API." : "Rendered in the browser with the engine's Liquid."}
        </p>
      ) : null}
    </aside>
  );
}

function fromResult(result: PreviewResult, source: "api" | "browser"): PreviewState {
  return "error" in result ? { status: "error", error: result.error, source } : { status: "done", body: result.body, source };
}

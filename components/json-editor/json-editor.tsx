"use client";

import Editor from "@monaco-editor/react";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { editor as MonacoEditor } from "monaco-editor/editor";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/utils/cn";
import { FOCUS_CODE_EDITOR_EVENT } from "./focus";
import { setModelSchema } from "./json-schemas";
import { loadMonaco, type LoadedMonaco, type Monaco } from "./monaco";

export type CodeEditor = MonacoEditor.IStandaloneCodeEditor;

export interface JsonEditorProps {
  /** The JSON text. */
  value: string;
  onChange?: (value: string) => void;
  /** What a screen reader announces for the editor ("Payload of Lapsed subscribers"). */
  "aria-label": string;
  /** CSS height of the editor; the loading placeholder takes the same, so nothing jumps. */
  height?: number | string;
  readOnly?: boolean;
  /** A JSON Schema (draft 7) for diagnostics and completion; markers show where the text breaks it. */
  schema?: unknown;
  /** Red border: the surrounding form considers the value invalid. */
  invalid?: boolean;
  /** Extra Monaco options, merged over the defaults below. */
  options?: MonacoEditor.IStandaloneEditorConstructionOptions;
  /** The editor and the API, once mounted: for markers, actions, completion providers. */
  onMount?: (editor: CodeEditor, monaco: Monaco, loaded: LoadedMonaco) => void;
  className?: string;
  /** The id of the element that describes this editor (hint or error text). */
  "aria-describedby"?: string;
}

type LoadState =
  | { status: "loading" }
  | { status: "ready"; loaded: LoadedMonaco; inDialog: boolean }
  | { status: "failed" };

/**
 * A Monaco editor for strict JSON (no comments, no trailing commas), loaded from the app itself.
 * While Monaco downloads, a placeholder of the same height shows; if it cannot load, a plain text
 * area takes its place so the value stays editable.
 */
export function JsonEditor({
  value,
  onChange,
  "aria-label": ariaLabel,
  height = 240,
  readOnly = false,
  schema,
  invalid = false,
  options,
  onMount,
  className,
  "aria-describedby": describedBy,
}: JsonEditorProps) {
  const [state, setState] = useState<LoadState>({ status: "loading" });
  const reactId = useId();
  const modelPath = `inmemory://bespoke/${reactId.replace(/[^a-zA-Z0-9]/g, "")}.json`;
  const onMountRef = useRef(onMount);
  useEffect(() => {
    onMountRef.current = onMount;
  });

  // Monaco owns the text while the user types. Passing `value` down on every render would let a
  // render that lags behind the keyboard (a busy page) replace newer text and move the cursor, so
  // the editor starts from `defaultValue` and takes `value` only when it is not one of its own
  // recent emissions: a reload, a reset, a template applied.
  const editorRef = useRef<CodeEditor | null>(null);
  const valueRef = useRef(value);
  useEffect(() => {
    valueRef.current = value;
  });
  const recent = useRef<{ text: string; at: number }[]>([]);
  const frameRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || model.getValue() === value) return;
    const now = Date.now();
    recent.current = recent.current.filter((e) => now - e.at < 2000);
    if (recent.current.some((e) => e.text === value)) return;
    editor.pushUndoStop();
    editor.executeEdits("bespoke-external", [{ range: model.getFullModelRange(), text: value }]);
    editor.pushUndoStop();
  }, [value]);

  useEffect(() => {
    let live = true;
    loadMonaco().then(
      // The placeholder is in the page by now: see whether the editor will sit in a dialog.
      (loaded) => live && setState({ status: "ready", loaded, inDialog: inDialog(frameRef.current) }),
      () => live && setState({ status: "failed" }),
    );
    return () => {
      live = false;
    };
  }, []);

  const insideDialog = state.status === "ready" && state.inDialog;
  // @monaco-editor/react calls `updateOptions` whenever the object changes identity, which closes
  // an open suggestion list: build it only when an option really changes.
  const optionsKey = JSON.stringify(options ?? {});
  const editorOptions = useMemo<MonacoEditor.IStandaloneEditorConstructionOptions>(
    () => ({
      ariaLabel,
      readOnly,
      domReadOnly: readOnly,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      lineHeight: 20,
      fontFamily: 'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
      tabSize: 2,
      insertSpaces: true,
      wordWrap: "on",
      scrollBeyondLastLine: false,
      renderLineHighlightOnlyWhenFocus: true,
      // Suggestion and hover widgets escape the rounded frame instead of being clipped; not in a
      // dialog, whose transform would offset `position: fixed` widgets by the dialog's position.
      fixedOverflowWidgets: !insideDialog,
      overviewRulerLanes: 0,
      padding: { top: 8, bottom: 8 },
      scrollbar: { alwaysConsumeMouseWheel: false },
      // The hidden-textarea input, not the EditContext API: with EditContext we saw typed
      // characters land out of order while the page was busy.
      editContext: false,
      ...(JSON.parse(optionsKey) as MonacoEditor.IStandaloneEditorConstructionOptions),
    }),
    [ariaLabel, readOnly, optionsKey, insideDialog],
  );

  const loaded = state.status === "ready" ? state.loaded : null;

  // Focus requests from outside (`focusCodeEditor`): focus now, or as soon as the editor mounts.
  const focusPending = useRef(false);
  useEffect(() => {
    const frame = frameRef.current;
    if (frame === null) return;
    const onRequest = (event: Event) => {
      event.preventDefault();
      if (editorRef.current !== null) editorRef.current.focus();
      else focusPending.current = true;
    };
    frame.addEventListener(FOCUS_CODE_EDITOR_EVENT, onRequest);
    return () => frame.removeEventListener(FOCUS_CODE_EDITOR_EVENT, onRequest);
  }, [state.status]);
  useEffect(
    () => () => {
      editorRef.current = null;
    },
    [],
  );

  useEffect(() => {
    if (loaded === null) return;
    return setModelSchema(loaded.jsonDefaults, modelPath, schema);
  }, [loaded, modelPath, schema]);

  const frame = cn(
    "overflow-hidden rounded-md border bg-background shadow-xs",
    invalid ? "border-danger" : "border-input",
    "focus-within:border-ring focus-within:ring-3 focus-within:ring-ring/20",
    className,
  );

  if (state.status === "failed") {
    return (
      <div className={cn("grid gap-1.5", className)}>
        <Textarea
          value={value}
          onChange={(event) => onChange?.(event.target.value)}
          readOnly={readOnly}
          aria-label={ariaLabel}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          spellCheck={false}
          className="font-mono text-[13px]"
          style={{ height, fieldSizing: "fixed" }}
        />
        <p className="text-[13px] text-muted-foreground">The code editor could not load; editing as plain text.</p>
      </div>
    );
  }

  if (loaded === null) {
    return (
      <div ref={frameRef} data-code-editor="" className={frame} style={{ height }} aria-busy="true" aria-label={ariaLabel}>
        <Skeleton className="m-3 h-4 w-2/3" />
        <Skeleton className="mx-3 h-4 w-1/2" />
      </div>
    );
  }

  return (
    <div ref={frameRef} data-code-editor="" className={frame} data-slot="json-editor" aria-describedby={describedBy}>
      <Editor
        height={height}
        path={modelPath}
        language="json"
        defaultValue={value}
        onChange={(next) => {
          const text = next ?? "";
          recent.current.push({ text, at: Date.now() });
          if (recent.current.length > 200) recent.current.shift();
          onChange?.(text);
        }}
        loading={null}
        theme="vs"
        options={editorOptions}
        onMount={(editor: CodeEditor, monaco: Monaco) => {
          editorRef.current = editor;
          // The value may have changed while Monaco was mounting.
          if (editor.getValue() !== valueRef.current) editor.setValue(valueRef.current);
          if (focusPending.current) {
            focusPending.current = false;
            editor.focus();
          }
          onMountRef.current?.(editor, monaco, loaded);
        }}
      />
    </div>
  );
}

function inDialog(element: Element | null): boolean {
  return element?.closest('[role="dialog"], [role="alertdialog"]') != null;
}

"use client";

import { useEffect, useId, useRef, useState, type DragEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CircleCheck, FileUp, UserMinus, UserPlus, X } from "lucide-react";
import {
  MAX_CSV_BYTES,
  MAX_JSON_MEMBERS,
  type AddedMembers,
  type RemovedMembers,
  type Segment,
} from "@/lib/schemas/segments";
import { apiFetch } from "@/lib/client/api";
import { errorMessage, toastError } from "@/components/console/api-errors";
import { useConsole } from "@/components/console/console-context";
import { audienceKeys } from "@/components/preview/audience-queries";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { cn } from "@/lib/utils/cn";
import { formatBytes, parseIdList, uploadCsv, type CsvUpload, type UploadProgress } from "./csv-upload";

type Outcome =
  { kind: "added"; result: AddedMembers; source: string } | { kind: "removed"; result: RemovedMembers };

/** Keeps every cached copy of the segment's member count in step with an answer. */
function useSetTotal(segment: Segment) {
  const { org, project } = useConsole();
  const queryClient = useQueryClient();
  return (total: number) => {
    const next = { ...segment, memberCount: total };
    queryClient.setQueryData<Segment[]>(audienceKeys.segments(org, project), (list) =>
      list?.map((s) => (s.id === segment.id ? { ...s, memberCount: total } : s)),
    );
    queryClient.setQueryData(audienceKeys.segment(org, project, segment.key), next);
    void queryClient.invalidateQueries({ queryKey: audienceKeys.segments(org, project) });
  };
}

/** A static segment's members: upload a CSV (with progress), paste ids to add, paste ids to remove. */
export function MembersPanel({ segment }: { segment: Segment }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return (
    <div className="grid gap-4">
      {outcome ? <OutcomeNote outcome={outcome} onDismiss={() => setOutcome(null)} /> : null}
      <Tabs defaultValue="csv">
        <TabsList aria-label="Change members">
          <TabsTrigger value="csv">
            <FileUp aria-hidden="true" />
            Upload CSV
          </TabsTrigger>
          <TabsTrigger value="add">
            <UserPlus aria-hidden="true" />
            Add ids
          </TabsTrigger>
          <TabsTrigger value="remove">
            <UserMinus aria-hidden="true" />
            Remove ids
          </TabsTrigger>
        </TabsList>
        <TabsContent value="csv">
          <CsvUploader segment={segment} onDone={setOutcome} />
        </TabsContent>
        <TabsContent value="add">
          <IdsForm segment={segment} mode="add" onDone={setOutcome} />
        </TabsContent>
        <TabsContent value="remove">
          <IdsForm segment={segment} mode="remove" onDone={setOutcome} />
        </TabsContent>
      </Tabs>
    </div>
  );
}

function OutcomeNote({ outcome, onDismiss }: { outcome: Outcome; onDismiss: () => void }) {
  return (
    <Alert
      variant="success"
      role="status"
      icon={CircleCheck}
      action={
        <Button variant="ghost" size="icon-sm" aria-label="Dismiss" onClick={onDismiss}>
          <X aria-hidden="true" />
        </Button>
      }
    >
      <AlertTitle>{outcome.kind === "added" ? `${outcome.source}: done` : "Removed"}</AlertTitle>
      <AlertDescription>
        {outcome.kind === "added" ? (
          <span data-testid="members-outcome">
            <strong>{outcome.result.added.toLocaleString()}</strong> added ·{" "}
            <strong>{outcome.result.alreadyMembers.toLocaleString()}</strong> already present ·{" "}
            {outcome.result.total.toLocaleString()} member{outcome.result.total === 1 ? "" : "s"} now
          </span>
        ) : (
          <span data-testid="members-outcome">
            <strong>{outcome.result.removed.toLocaleString()}</strong> removed ·{" "}
            {outcome.result.total.toLocaleString()} member{outcome.result.total === 1 ? "" : "s"} now
          </span>
        )}
      </AlertDescription>
    </Alert>
  );
}

function CsvUploader({ segment, onDone }: { segment: Segment; onDone: (outcome: Outcome | null) => void }) {
  const { api } = useConsole();
  const setTotal = useSetTotal(segment);
  const inputId = useId();
  const hintId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = useRef<CsvUpload | null>(null);

  // Leaving the page cancels an upload in flight (the server rolls it back: all or nothing).
  useEffect(() => () => upload.current?.abort(), []);

  const choose = (next: File | null) => {
    setError(null);
    if (next && next.size > MAX_CSV_BYTES) {
      setFile(null);
      setError(
        `“${next.name}” is ${formatBytes(next.size)}; at most ${formatBytes(MAX_CSV_BYTES)} per upload. Split it into several files.`,
      );
      return;
    }
    setFile(next);
  };

  const start = async () => {
    if (!file) return;
    setError(null);
    onDone(null);
    const current = uploadCsv(api(`/segments/${encodeURIComponent(segment.id)}/members`), file, setProgress);
    upload.current = current;
    try {
      const result = await current.promise;
      setTotal(result.total);
      onDone({ kind: "added", result, source: file.name });
      toast.success(`Uploaded ${file.name}`, {
        description: `${result.added.toLocaleString()} added, ${result.alreadyMembers.toLocaleString()} already present.`,
      });
      setFile(null);
      if (inputRef.current) inputRef.current.value = "";
    } catch (caught) {
      if (caught instanceof DOMException && caught.name === "AbortError")
        toast("Upload cancelled", { description: "Nothing was added." });
      else setError(errorMessage(caught));
    } finally {
      upload.current = null;
      setProgress(null);
    }
  };

  const onDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setDragging(false);
    if (progress) return;
    choose(event.dataTransfer.files[0] ?? null);
  };

  const percent = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;

  return (
    <div className="grid gap-3">
      <label
        htmlFor={inputId}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={cn(
          "flex cursor-pointer flex-col items-center justify-center gap-1.5 rounded-xl border border-dashed border-border-strong bg-subtle/60 px-4 py-7 text-center transition-colors hover:bg-subtle",
          "has-[input:focus-visible]:ring-3 has-[input:focus-visible]:ring-ring/20",
          dragging && "border-primary bg-primary-subtle/50",
          progress && "pointer-events-none opacity-70",
        )}
      >
        <FileUp aria-hidden="true" className="size-6 text-muted-foreground" />
        <span className="text-sm font-medium">{file ? file.name : "Choose a CSV file, or drop it here"}</span>
        <span id={hintId} className="max-w-md text-[13px] text-muted-foreground">
          {file
            ? `${formatBytes(file.size)}: ready to upload.`
            : `One user id per row, in the first column; an optional header “userId”. Up to ${formatBytes(MAX_CSV_BYTES)}. Ids already in the segment are skipped.`}
        </span>
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          aria-describedby={hintId}
          className="sr-only"
          disabled={progress !== null}
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
        />
      </label>

      {progress ? (
        <div className="grid gap-1.5" role="status" aria-live="polite">
          <div className="flex items-center justify-between gap-2 text-[13px]">
            <span className="font-medium">
              {progress.phase === "uploading" ? `Uploading… ${percent}%` : "Processing on the server…"}
            </span>
            <span className="text-muted-foreground tabular-nums">
              {formatBytes(progress.loaded)} of {formatBytes(progress.total)}
            </span>
          </div>
          <div
            role="progressbar"
            aria-label="Upload progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-2 overflow-hidden rounded-full bg-muted"
          >
            <div
              className={cn(
                "h-full rounded-full bg-primary transition-[width] duration-200",
                progress.phase === "processing" && "animate-pulse",
              )}
              style={{ width: `${progress.phase === "processing" ? 100 : percent}%` }}
            />
          </div>
        </div>
      ) : null}

      {error ? (
        <Alert variant="danger">
          <AlertTitle>Nothing was added</AlertTitle>
          <AlertDescription data-testid="csv-error">{error}</AlertDescription>
        </Alert>
      ) : null}

      <div className="flex flex-wrap justify-end gap-2">
        {progress ? (
          <Button type="button" variant="outline" onClick={() => upload.current?.abort()}>
            Cancel upload
          </Button>
        ) : file ? (
          <Button
            type="button"
            variant="ghost"
            onClick={() => {
              setFile(null);
              if (inputRef.current) inputRef.current.value = "";
            }}
          >
            Clear
          </Button>
        ) : null}
        <Button type="button" onClick={() => void start()} disabled={!file} loading={progress !== null}>
          <FileUp aria-hidden="true" />
          Upload
        </Button>
      </div>
    </div>
  );
}

function IdsForm({
  segment,
  mode,
  onDone,
}: {
  segment: Segment;
  mode: "add" | "remove";
  onDone: (outcome: Outcome | null) => void;
}) {
  const { api } = useConsole();
  const setTotal = useSetTotal(segment);
  const fieldId = useId();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const ids = parseIdList(text);
  const tooMany = ids.length > MAX_JSON_MEMBERS;

  const send = useMutation<AddedMembers | RemovedMembers, unknown>({
    mutationFn: (): Promise<AddedMembers | RemovedMembers> =>
      mode === "add"
        ? apiFetch<AddedMembers>(api(`/segments/${encodeURIComponent(segment.id)}/members`), {
            method: "POST",
            body: { userIds: ids },
          })
        : apiFetch<RemovedMembers>(api(`/segments/${encodeURIComponent(segment.id)}/members`), {
            method: "DELETE",
            body: { userIds: ids },
          }),
    onSuccess: (result) => {
      setTotal(result.total);
      setText("");
      setError(null);
      if ("added" in result) {
        onDone({ kind: "added", result, source: "Pasted ids" });
        toast.success(`${result.added.toLocaleString()} added`, {
          description: `${result.alreadyMembers.toLocaleString()} were members already.`,
        });
      } else {
        onDone({ kind: "removed", result });
        toast.success(`${result.removed.toLocaleString()} removed`);
      }
    },
    onError: (caught) => {
      setError(errorMessage(caught));
      if (!(caught instanceof Error)) toastError("Could not change the members", caught);
    },
  });

  return (
    <form
      className="grid gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (ids.length === 0 || tooMany) return;
        onDone(null);
        send.mutate();
      }}
    >
      <label htmlFor={fieldId} className="text-sm font-medium">
        {mode === "add" ? "User ids to add" : "User ids to remove"}
      </label>
      <Textarea
        id={fieldId}
        rows={6}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={"u-1001\nu-1002\nu-1003"}
        className="font-mono text-[13px]"
        aria-invalid={tooMany || error ? true : undefined}
      />
      <p className={cn("text-[13px]", tooMany ? "font-medium text-danger" : "text-muted-foreground")}>
        {tooMany
          ? `${ids.length.toLocaleString()} ids: at most ${MAX_JSON_MEMBERS.toLocaleString()} at a time here. Upload a CSV instead.`
          : ids.length === 0
            ? "One per line, or separated by commas."
            : `${ids.length.toLocaleString()} distinct id${ids.length === 1 ? "" : "s"}.${mode === "remove" ? " Ids that are not members are ignored." : ""}`}
      </p>
      {error ? (
        <Alert variant="danger">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <div className="flex justify-end">
        <Button
          type="submit"
          variant={mode === "remove" ? "destructive" : "default"}
          disabled={ids.length === 0 || tooMany}
          loading={send.isPending}
        >
          {mode === "add" ? <UserPlus aria-hidden="true" /> : <UserMinus aria-hidden="true" />}
          {`${mode === "add" ? "Add" : "Remove"} ${ids.length > 0 ? `${ids.length.toLocaleString()} ` : ""}id${ids.length === 1 ? "" : "s"}`}
        </Button>
      </div>
    </form>
  );
}

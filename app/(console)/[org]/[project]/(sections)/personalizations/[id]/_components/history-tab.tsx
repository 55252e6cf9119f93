"use client";

import { useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { ChevronDown, History } from "lucide-react";
import { useConsole } from "@/components/console/console-context";
import { diffJson, type Change } from "@/components/personalizations/diff";
import { DiffView } from "@/components/personalizations/diff-view";
import { isPlainObject } from "@/components/personalizations/json";
import { keys, type AuditPage } from "@/components/personalizations/queries";
import { RelativeTime } from "@/components/console/date-time";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { apiFetch } from "@/lib/client/api";
import type { AuditEntry } from "@/lib/schemas/audit";
import { cn } from "@/lib/utils/cn";

function nameIn(v: unknown): string | null {
  if (!isPlainObject(v)) return null;
  if (isPlainObject(v.experience) && typeof v.experience.name === "string") return v.experience.name;
  return typeof v.name === "string" ? v.name : null;
}

/** What an entry changed, in words a reader follows: experience edits diff the experience, reorders list names. */
function entryChanges(entry: AuditEntry, names: ReadonlyMap<string, string>): Change[] {
  const before = entry.before ?? null;
  const after = entry.after ?? null;
  if (
    isPlainObject(before) &&
    isPlainObject(after) &&
    Array.isArray(before.experienceIds) &&
    Array.isArray(after.experienceIds)
  ) {
    const label = (ids: unknown[]) =>
      ids.map((id, i) => `${i + 1}. ${names.get(String(id)) ?? String(id)}`).join("  ");
    return [
      {
        kind: "changed",
        path: "priority order",
        before: label(before.experienceIds),
        after: label(after.experienceIds),
      },
    ];
  }
  if (
    isPlainObject(before) &&
    isPlainObject(after) &&
    isPlainObject(before.experience) &&
    isPlainObject(after.experience)
  ) {
    return diffJson(before.experience, after.experience, "", [], {
      ignore: new Set(["updatedAt", "createdAt", "version", "priority", "id"]),
    });
  }
  return diffJson(before, after);
}

/** "edited experience “Returning users”", "started it"… */
function describe(entry: AuditEntry): string {
  const exp = nameIn(entry.after) ?? nameIn(entry.before);
  const quoted = exp ? ` “${exp}”` : "";
  switch (entry.action) {
    case "personalization.create":
      return "created it";
    case "personalization.import":
      return entry.before ? "imported a document over it" : "created it by import";
    case "personalization.update":
      return "edited it";
    case "personalization.start":
      return "started it";
    case "personalization.resume":
      return "resumed it";
    case "personalization.pause":
      return "paused it";
    case "personalization.archive":
      return "archived it";
    case "experience.create":
      return `added the experience${quoted}`;
    case "experience.update":
      return `edited the experience${quoted}`;
    case "experience.delete":
      return `deleted the experience${quoted}`;
    case "experience.duplicate":
      return `duplicated an experience as${quoted}`;
    case "experience.reorder":
      return "reordered the experiences";
    default:
      return entry.action.replaceAll(".", " ").replaceAll("_", " ");
  }
}

/** Every change, newest first: who, when, what — with a readable before/after. */
export function HistoryTab({
  id,
  experiences,
}: {
  id: string;
  experiences: readonly { id: string; name: string }[];
}) {
  const { org, project, api, timezone } = useConsole();
  const audit = useInfiniteQuery({
    queryKey: keys.audit(org, project, id),
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) =>
      apiFetch<AuditPage>(
        api(
          `/audit?entity=personalization&id=${encodeURIComponent(id)}&limit=25${pageParam ? `&before=${pageParam}` : ""}`,
        ),
      ),
    getNextPageParam: (last) => last.nextBefore,
  });

  if (audit.isPending) {
    return (
      <div className="grid gap-3" role="status" aria-label="Loading history">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-14" />
        ))}
      </div>
    );
  }
  if (audit.isError)
    return <Alert variant="danger">The history could not be loaded: {audit.error.message}</Alert>;
  const entries = audit.data.pages.flatMap((p) => p.entries);
  // Experience names by id, for reorders: the current ones, and those the history mentions.
  const names = new Map<string, string>();
  for (const entry of entries) {
    for (const side of [entry.before, entry.after]) {
      if (
        isPlainObject(side) &&
        isPlainObject(side.experience) &&
        typeof side.experience.id === "string" &&
        typeof side.experience.name === "string"
      ) {
        names.set(side.experience.id, side.experience.name);
      }
    }
  }
  for (const e of experiences) names.set(e.id, e.name);
  if (entries.length === 0)
    return (
      <EmptyState
        icon={History}
        title="No history yet"
        description="Every change to this personalization is listed here, with who made it."
      />
    );

  return (
    <div className="grid gap-3">
      <p className="text-[13px] text-muted-foreground">Newest first. Times are in {timezone}.</p>
      <ol className="grid">
        {entries.map((entry) => (
          <HistoryItem key={entry.id} entry={entry} names={names} />
        ))}
      </ol>
      {audit.hasNextPage ? (
        <div>
          <Button
            variant="outline"
            size="sm"
            onClick={() => void audit.fetchNextPage()}
            loading={audit.isFetchingNextPage}
          >
            Show older changes
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function HistoryItem({ entry, names }: { entry: AuditEntry; names: ReadonlyMap<string, string> }) {
  const [open, setOpen] = useState(false);
  const changes = entryChanges(entry, names);
  const who = entry.actor.label ?? (entry.actor.type === "system" ? "Bespoke" : "Someone");
  const canExpand = entry.before !== null && entry.before !== undefined && changes.length > 0;
  return (
    <li className="relative grid grid-cols-[1.75rem_1fr] gap-3 pb-4 last:pb-0">
      <span aria-hidden="true" className="absolute top-8 bottom-0 left-[0.8125rem] w-px bg-border" />
      <span
        aria-hidden="true"
        className="z-[1] flex size-7 items-center justify-center rounded-full border bg-muted text-xs font-semibold uppercase"
      >
        {who.slice(0, 1)}
      </span>
      <div className="grid min-w-0 gap-1.5 pt-0.5">
        <p className="text-sm">
          <span className="font-medium">{who}</span> {describe(entry)}
          <span className="text-muted-foreground">
            {" · "}
            <RelativeTime iso={entry.createdAt} />
          </span>
          {entry.whileRunning ? (
            <Badge variant="warning" className="ml-2 align-middle">
              while running
            </Badge>
          ) : null}
        </p>
        {canExpand ? (
          <div>
            <button
              type="button"
              aria-expanded={open}
              onClick={() => setOpen((o) => !o)}
              className="inline-flex items-center gap-1 rounded-md text-[13px] font-medium text-primary hover:underline focus-ring"
            >
              <ChevronDown
                aria-hidden="true"
                className={cn("size-3.5 transition-transform", !open && "-rotate-90")}
              />
              {open ? "Hide" : "Show"} {changes.length === 1 ? "1 change" : `${changes.length} changes`}
            </button>
            {open ? (
              <div className="mt-2 rounded-lg border bg-subtle p-3">
                <DiffView changes={changes} />
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
    </li>
  );
}

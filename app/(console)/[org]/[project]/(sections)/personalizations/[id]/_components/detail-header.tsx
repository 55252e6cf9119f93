"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Archive, ArrowLeft, Download, MoreHorizontal, Pause, Play, Trash2 } from "lucide-react";
import { useConsole } from "@/components/console/console-context";
import { CopyButton } from "@/components/console/copy-button";
import { usePersonalizationCache } from "@/components/personalizations/queries";
import { RelativeTime } from "@/components/console/date-time";
import { PersonalizationStatusBadge } from "@/components/personalizations/status-badge";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toast";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import type { Personalization } from "@/lib/schemas/personalizations";
import { apiProblems, type ApiProblem } from "@/components/personalizations/problems";
import { isVersionConflict } from "@/components/personalizations/versioned-save";

type Action = "start" | "pause" | "archive" | "delete";

/** Name, selector, status and the lifecycle: start / resume, pause (confirmed), archive, delete a draft, export. */
export function DetailHeader({
  p,
  onStartProblems,
}: {
  p: Personalization;
  onStartProblems: (problems: ApiProblem[]) => void;
}) {
  const { org, project, canWrite, api } = useConsole();
  const router = useRouter();
  const cache = usePersonalizationCache(p.id);
  const [confirm, setConfirm] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `/${encodeURIComponent(org)}/${encodeURIComponent(project)}/personalizations`;
  const path = `/personalizations/${encodeURIComponent(p.id)}`;
  const resume = p.status === "paused";

  const run = async (action: Action) => {
    setBusy(true);
    try {
      if (action === "delete") {
        await apiFetch(api(`${path}?version=${p.version}`), { method: "DELETE" });
        cache.invalidate();
        toast.success(`Deleted “${p.name}”`);
        router.push(base);
        return;
      }
      const next = await apiFetch<Personalization>(api(`${path}/${action}`), {
        method: "POST",
        body: { version: p.version },
      });
      cache.set(next);
      onStartProblems([]);
      const messages = {
        start: resume
          ? [`“${p.name}” is running again`, "choose-api serves it from now on."]
          : [`“${p.name}” is running`, `choose-api now serves “${p.selector}”.`],
        pause: [`“${p.name}” is paused`, "choose-api answers not_running for it until you resume it."],
        archive: [
          `“${p.name}” is archived`,
          "It no longer serves and is hidden from the list; results are kept.",
        ],
      } as const;
      const [title, description] = messages[action];
      toast.success(title, { description });
    } catch (e) {
      if (action === "start" && e instanceof ApiClientError && e.code === "validation_failed") {
        onStartProblems(apiProblems(e));
        toast.error(`“${p.name}” cannot start yet`, {
          description: "Fix the problems listed at the top of the page.",
        });
      } else if (isVersionConflict(e)) {
        await cache.refetch();
        toast.error("It changed meanwhile", {
          description: "The page now shows the latest version. Check it and try again.",
        });
      } else
        toast.error(`Could not ${action} “${p.name}”`, {
          description: e instanceof Error ? e.message : undefined,
        });
    } finally {
      setBusy(false);
      setConfirm(null);
    }
  };

  const exportJson = async () => {
    try {
      const doc = await apiFetch<unknown>(api(`${path}/export`));
      const url = URL.createObjectURL(
        new Blob([`${JSON.stringify(doc, null, 2)}\n`], { type: "application/json" }),
      );
      const a = document.createElement("a");
      a.href = url;
      a.download = `${p.selector}.json`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      toast.success("Exported", {
        description: `${p.selector}.json: import it here or into another project.`,
      });
    } catch (e) {
      toast.error("Could not export", { description: e instanceof Error ? e.message : undefined });
    }
  };

  const dialogs: Record<Action, { title: string; body: string; confirm: string; destructive?: boolean }> = {
    start: resume
      ? {
          title: `Resume “${p.name}”?`,
          body: "choose-api serves it again right away, to every visitor who matches an experience.",
          confirm: "Resume",
        }
      : {
          title: `Start “${p.name}”?`,
          body: `choose-api starts serving it right away: visitors who match an experience get its payload, and ${p.controlPercent}% of them see the original page as the control. Everything is checked first; any problem is listed and nothing starts.`,
          confirm: "Start",
        },
    pause: {
      title: `Pause “${p.name}”?`,
      body: "choose-api stops serving it at once (reason not_running) until you resume it. Visitors keep their control/treatment assignment.",
      confirm: "Pause",
    },
    archive: {
      title: `Archive “${p.name}”?`,
      body: "It stops serving and leaves the list. Results and the selector are kept; an archived personalization cannot be started again (import its export to run it anew).",
      confirm: "Archive",
      destructive: true,
    },
    delete: {
      title: `Delete the draft “${p.name}”?`,
      body: "The draft and its experiences are deleted for good.",
      confirm: "Delete",
      destructive: true,
    },
  };
  const d = confirm ? dialogs[confirm] : null;

  return (
    <header className="mb-5">
      <Link
        href={base}
        className="mb-2 inline-flex items-center gap-1 rounded-md text-[13px] text-muted-foreground hover:text-foreground focus-ring"
      >
        <ArrowLeft aria-hidden="true" className="size-3.5" />
        Personalizations
      </Link>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h1 className="min-w-0 text-xl font-semibold tracking-tight break-words sm:text-2xl">{p.name}</h1>
            <PersonalizationStatusBadge status={p.status} />
          </div>
          <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-[13px] text-muted-foreground">
            <span className="inline-flex items-center gap-0.5">
              <span className="sr-only">API selector:</span>
              <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-[12px] text-foreground">
                {p.selector}
              </code>
              <CopyButton
                value={p.selector}
                label={`Copy the selector ${p.selector}`}
                what="Selector"
                size="icon-sm"
                variant="ghost"
                className="size-7 text-muted-foreground"
              />
            </span>
            {p.groups.length > 0 ? (
              <span className="flex flex-wrap items-center gap-1">
                <span>Groups:</span>
                {p.groups.map((g) => (
                  <Badge key={g} variant="outline" className="font-mono text-[11px]">
                    {g}
                  </Badge>
                ))}
              </span>
            ) : null}
            <span>
              Updated <RelativeTime iso={p.updatedAt} /> · version {p.version}
            </span>
          </div>
          {p.description ? (
            <p className="mt-2 max-w-2xl text-sm text-muted-foreground">{p.description}</p>
          ) : null}
        </div>
        <div className="flex shrink-0 items-center gap-2">
          {canWrite && (p.status === "draft" || p.status === "paused") ? (
            <Button onClick={() => setConfirm("start")} loading={busy && confirm === "start"}>
              <Play aria-hidden="true" />
              {resume ? "Resume" : "Start"}
            </Button>
          ) : null}
          {canWrite && p.status === "running" ? (
            <Button variant="outline" onClick={() => setConfirm("pause")}>
              <Pause aria-hidden="true" />
              Pause
            </Button>
          ) : null}
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="outline" size="icon" aria-label="More actions">
                <MoreHorizontal aria-hidden="true" />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              <DropdownMenuItem onSelect={() => void exportJson()}>
                <Download aria-hidden="true" />
                Export JSON
              </DropdownMenuItem>
              {canWrite && p.status !== "archived" ? (
                <>
                  <DropdownMenuSeparator />
                  <DropdownMenuItem variant="destructive" onSelect={() => setConfirm("archive")}>
                    <Archive aria-hidden="true" />
                    Archive
                  </DropdownMenuItem>
                </>
              ) : null}
              {canWrite && p.status === "draft" ? (
                <DropdownMenuItem variant="destructive" onSelect={() => setConfirm("delete")}>
                  <Trash2 aria-hidden="true" />
                  Delete draft
                </DropdownMenuItem>
              ) : null}
            </DropdownMenuContent>
          </DropdownMenu>
        </div>
      </div>

      <AlertDialog
        open={confirm !== null}
        onOpenChange={(open) => (open || busy ? undefined : setConfirm(null))}
      >
        <AlertDialogContent>
          {d ? (
            <>
              <AlertDialogHeader>
                <AlertDialogTitle>{d.title}</AlertDialogTitle>
                <AlertDialogDescription>{d.body}</AlertDialogDescription>
              </AlertDialogHeader>
              <AlertDialogFooter>
                <AlertDialogCancel disabled={busy}>Cancel</AlertDialogCancel>
                <AlertDialogAction
                  variant={d.destructive ? "destructive" : "default"}
                  disabled={busy}
                  onClick={(e) => {
                    e.preventDefault();
                    if (confirm) void run(confirm);
                  }}
                >
                  {busy ? "Working…" : d.confirm}
                </AlertDialogAction>
              </AlertDialogFooter>
            </>
          ) : null}
        </AlertDialogContent>
      </AlertDialog>
    </header>
  );
}

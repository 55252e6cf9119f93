"use client";

import Link from "next/link";
import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { Layers, MoreHorizontal, Pencil, Plus, Search, Trash2, X } from "lucide-react";
import { useConsole } from "@/components/console/console-context";
import { SearchInput } from "@/components/console/search-input";
import { keys, useGroups } from "@/components/personalizations/queries";
import { PageHeader } from "@/components/shell/page-header";
import { getSection } from "@/components/shell/nav";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/console/confirm-dialog";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { apiFetch } from "@/lib/client/api";
import type { Group } from "@/lib/schemas/groups";
import { cn } from "@/lib/utils/cn";
import { GroupDialog } from "./group-dialog";

const dot = {
  draft: "bg-muted-foreground",
  running: "bg-success",
  paused: "bg-warning",
  archived: "bg-border-strong",
} as const;

export function GroupsPage() {
  const { canWrite, api, org, project } = useConsole();
  const queryClient = useQueryClient();
  const groups = useGroups();
  const [q, setQ] = useState("");
  const [editing, setEditing] = useState<Group | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [remove, setRemove] = useState<Group | null>(null);
  const [busy, setBusy] = useState(false);
  const section = getSection("groups");
  const base = `/${encodeURIComponent(org)}/${encodeURIComponent(project)}/personalizations`;

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.groups(org, project) }),
      queryClient.invalidateQueries({ queryKey: keys.personalizations(org, project) }),
    ]);

  const open = (g: Group | null) => {
    setEditing(g);
    setDialogOpen(true);
  };

  const unassign = async (g: Group, id: string, name: string) => {
    try {
      await apiFetch(api(`/groups/${encodeURIComponent(g.id)}`), {
        method: "PATCH",
        body: { personalizationIds: g.personalizations.filter((p) => p.id !== id).map((p) => p.id) },
      });
      await refresh();
      toast.success(`“${name}” left ${g.name}`, {
        action: {
          label: "Undo",
          onClick: () =>
            void apiFetch(api(`/groups/${encodeURIComponent(g.id)}`), {
              method: "PATCH",
              body: { personalizationIds: g.personalizations.map((p) => p.id) },
            }).then(refresh),
        },
      });
    } catch (e) {
      toast.error("Could not change the group", { description: e instanceof Error ? e.message : undefined });
    }
  };

  const doDelete = async (g: Group) => {
    setBusy(true);
    try {
      await apiFetch(api(`/groups/${encodeURIComponent(g.id)}`), { method: "DELETE" });
      await refresh();
      toast.success(`Deleted the group “${g.name}”`, {
        description: "Its personalizations stay; they just left the group.",
      });
    } catch (e) {
      toast.error("Could not delete the group", { description: e instanceof Error ? e.message : undefined });
    } finally {
      setBusy(false);
      setRemove(null);
    }
  };

  const needle = q.trim().toLowerCase();
  const shown = (groups.data ?? []).filter(
    (g) =>
      !needle ||
      g.name.toLowerCase().includes(needle) ||
      g.personalizations.some((p) => `${p.name} ${p.selector}`.toLowerCase().includes(needle)),
  );
  const create = canWrite ? (
    <Button onClick={() => open(null)}>
      <Plus aria-hidden="true" />
      New group
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={section.title} description={section.description} actions={create} />
      {groups.data && groups.data.length > 0 ? (
        <div className="mb-4">
          <SearchInput
            aria-label="Search groups"
            placeholder="Search groups or members"
            value={q}
            onValueChange={setQ}
          />
        </div>
      ) : null}
      {groups.isError ? (
        <Alert variant="danger">Groups could not be loaded: {groups.error.message}</Alert>
      ) : groups.isPending ? (
        <div className="grid gap-3" role="status" aria-label="Loading groups">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-24 rounded-xl" />
          ))}
        </div>
      ) : shown.length === 0 ? (
        needle ? (
          <EmptyState icon={Search} title="No group matches" description="Try another name." />
        ) : (
          <EmptyState
            icon={Layers}
            title="No selector groups yet"
            description="A group names a set of personalizations, so one choose-api call for the group returns the payload of every running member, e.g. everything on the homepage."
            action={create}
          />
        )
      ) : (
        <ul className="grid gap-3" aria-label="Selector groups">
          {shown.map((g) => {
            const running = g.personalizations.filter((p) => p.status === "running").length;
            return (
              <li key={g.id} className="rounded-xl border bg-background px-4 py-3.5 shadow-xs">
                <div className="flex items-start gap-3">
                  <div className="grid min-w-0 flex-1 gap-0.5">
                    <h2 className="truncate font-mono text-sm font-semibold">{g.name}</h2>
                    <p className="text-[13px] text-muted-foreground">
                      {g.personalizations.length === 0
                        ? "No personalizations"
                        : `${g.personalizations.length} personalization${g.personalizations.length === 1 ? "" : "s"}, ${running} running`}
                      {g.description ? ` · ${g.description}` : ""}
                    </p>
                  </div>
                  {canWrite ? (
                    <DropdownMenu>
                      <DropdownMenuTrigger asChild>
                        <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${g.name}`}>
                          <MoreHorizontal aria-hidden="true" />
                        </Button>
                      </DropdownMenuTrigger>
                      <DropdownMenuContent align="end">
                        <DropdownMenuItem onSelect={() => open(g)}>
                          <Pencil aria-hidden="true" />
                          Rename or change members
                        </DropdownMenuItem>
                        <DropdownMenuItem variant="destructive" onSelect={() => setRemove(g)}>
                          <Trash2 aria-hidden="true" />
                          Delete
                        </DropdownMenuItem>
                      </DropdownMenuContent>
                    </DropdownMenu>
                  ) : null}
                </div>
                {g.personalizations.length > 0 ? (
                  <ul className="mt-3 flex flex-wrap gap-1.5" aria-label={`Members of ${g.name}`}>
                    {g.personalizations.map((p) => (
                      <li
                        key={p.id}
                        className="inline-flex max-w-full items-center rounded-full border bg-subtle text-[13px]"
                      >
                        <Link
                          href={`${base}/${encodeURIComponent(p.id)}`}
                          className="inline-flex min-w-0 items-center gap-1.5 rounded-full py-0.5 pr-1 pl-2.5 hover:underline focus-ring"
                        >
                          <span
                            aria-hidden="true"
                            className={cn("size-1.5 shrink-0 rounded-full", dot[p.status])}
                          />
                          <span className="truncate">{p.name}</span>
                          <span className="sr-only">({p.status})</span>
                        </Link>
                        {canWrite ? (
                          <button
                            type="button"
                            onClick={() => void unassign(g, p.id, p.name)}
                            className="mr-1 rounded-full p-0.5 text-muted-foreground hover:bg-muted hover:text-foreground focus-ring"
                            aria-label={`Remove ${p.name} from ${g.name}`}
                          >
                            <X aria-hidden="true" className="size-3" />
                          </button>
                        ) : (
                          <span className="w-1.5" />
                        )}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}

      <GroupDialog open={dialogOpen} onOpenChange={setDialogOpen} group={editing} />
      <ConfirmDialog
        open={remove !== null}
        onCancel={() => setRemove(null)}
        title={`Delete the group “${remove?.name ?? ""}”?`}
        description={
          <>
            Its personalizations stay and keep running; choose-api calls that ask for “{remove?.name}” get nothing
            for it any more.
          </>
        }
        confirmLabel="Delete group"
        pending={busy}
        onConfirm={() => remove && void doDelete(remove)}
      />
    </>
  );
}

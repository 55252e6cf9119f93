"use client";

import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { LayoutTemplate, MoreHorizontal, Pencil, Plus, Search, Trash2 } from "lucide-react";
import { useConsole } from "@/components/console/console-context";
import { RelativeTime } from "@/components/console/date-time";
import { SearchInput } from "@/components/console/search-input";
import { keys, useTemplates } from "@/components/personalizations/queries";
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
import type { Template } from "@/lib/schemas/templates";
import { TemplateDialog } from "./template-dialog";

/** The lines of a payload a card shows: enough to recognise it. */
function preview(payload: unknown): string {
  const lines = JSON.stringify(payload, null, 2).split("\n");
  return lines.length > 7 ? `${lines.slice(0, 6).join("\n")}\n  …` : lines.join("\n");
}

export function TemplatesPage() {
  const { canWrite, api, org, project } = useConsole();
  const queryClient = useQueryClient();
  const templates = useTemplates();
  const [q, setQ] = useState("");
  const [editing, setEditing] = useState<Template | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [remove, setRemove] = useState<Template | null>(null);
  const [busy, setBusy] = useState(false);
  const section = getSection("templates");

  const open = (t: Template | null) => {
    setEditing(t);
    setDialogOpen(true);
  };

  const doDelete = async (t: Template) => {
    setBusy(true);
    try {
      await apiFetch(api(`/templates/${encodeURIComponent(t.id)}`), { method: "DELETE" });
      await queryClient.invalidateQueries({ queryKey: keys.templates(org, project) });
      toast.success(`Deleted “${t.name}”`, { description: "Experiences started from it keep their copy." });
    } catch (e) {
      toast.error("Could not delete the template", {
        description: e instanceof Error ? e.message : undefined,
      });
    } finally {
      setBusy(false);
      setRemove(null);
    }
  };

  const needle = q.trim().toLowerCase();
  const shown = (templates.data ?? []).filter(
    (t) => !needle || `${t.name} ${t.description ?? ""}`.toLowerCase().includes(needle),
  );
  const create = canWrite ? (
    <Button onClick={() => open(null)}>
      <Plus aria-hidden="true" />
      New template
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={section.title} description={section.description} actions={create} />
      {templates.data && templates.data.length > 0 ? (
        <div className="mb-4">
          <SearchInput
            aria-label="Search templates"
            placeholder="Search templates"
            value={q}
            onValueChange={setQ}
          />
        </div>
      ) : null}
      {templates.isError ? (
        <Alert variant="danger">Templates could not be loaded: {templates.error.message}</Alert>
      ) : templates.isPending ? (
        <div className="grid gap-3 md:grid-cols-2" role="status" aria-label="Loading templates">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-44 rounded-xl" />
          ))}
        </div>
      ) : shown.length === 0 ? (
        needle ? (
          <EmptyState icon={Search} title="No template matches" description="Try another name." />
        ) : (
          <EmptyState
            icon={LayoutTemplate}
            title="No templates yet"
            description="A template is a named payload that new experiences start from. Create one here, or save an experience's payload as a template from a personalization."
            action={create}
          />
        )
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" aria-label="Templates">
          {shown.map((t) => (
            <li key={t.id} className="flex min-w-0 flex-col rounded-xl border bg-background shadow-xs">
              <div className="flex items-start gap-2 px-4 pt-3.5">
                <div className="grid min-w-0 flex-1 gap-0.5">
                  <button
                    type="button"
                    onClick={() => open(t)}
                    className="truncate text-left text-sm font-semibold hover:underline focus-ring"
                  >
                    {t.name}
                  </button>
                  <p className="line-clamp-2 min-h-5 text-[13px] text-muted-foreground">
                    {t.description ?? "No description."}
                  </p>
                </div>
                {canWrite ? (
                  <DropdownMenu>
                    <DropdownMenuTrigger asChild>
                      <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${t.name}`}>
                        <MoreHorizontal aria-hidden="true" />
                      </Button>
                    </DropdownMenuTrigger>
                    <DropdownMenuContent align="end">
                      <DropdownMenuItem onSelect={() => open(t)}>
                        <Pencil aria-hidden="true" />
                        Edit
                      </DropdownMenuItem>
                      <DropdownMenuItem variant="destructive" onSelect={() => setRemove(t)}>
                        <Trash2 aria-hidden="true" />
                        Delete
                      </DropdownMenuItem>
                    </DropdownMenuContent>
                  </DropdownMenu>
                ) : null}
              </div>
              <pre className="mx-4 mt-3 max-h-36 flex-1 overflow-hidden rounded-lg border bg-subtle px-3 py-2 font-mono text-[12px] leading-relaxed text-foreground/80">
                {preview(t.payload)}
              </pre>
              <div className="flex items-center justify-between px-4 py-2.5 text-xs text-muted-foreground">
                <span>
                  Updated <RelativeTime iso={t.updatedAt} />
                </span>
                <Button variant="ghost" size="sm" onClick={() => open(t)}>
                  {canWrite ? "Edit" : "View"}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}

      <TemplateDialog open={dialogOpen} onOpenChange={setDialogOpen} template={editing} />
      <ConfirmDialog
        open={remove !== null}
        onCancel={() => setRemove(null)}
        title={`Delete the template “${remove?.name ?? ""}”?`}
        description={
          <>
            New experiences can no longer start from it. Experiences already started from it keep their own copy
            of the payload.
          </>
        }
        confirmLabel="Delete template"
        pending={busy}
        onConfirm={() => remove && void doDelete(remove)}
      />
    </>
  );
}

"use client";

import { useState } from "react";
import { LayoutTemplate, Search } from "lucide-react";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import type { Template } from "@/lib/schemas/templates";
import { oneLine } from "./json";
import { useTemplates } from "./queries";

/** Pick a template to start an experience from: its payload is copied (not linked). */
export function TemplatePickerDialog({
  open,
  onOpenChange,
  onPick,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onPick: (template: Template) => void | Promise<void>;
}) {
  const templates = useTemplates();
  const [q, setQ] = useState("");
  const [busy, setBusy] = useState<string | null>(null);
  const shown = (templates.data ?? []).filter((t) =>
    `${t.name} ${t.description ?? ""}`.toLowerCase().includes(q.trim().toLowerCase()),
  );

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent size="lg">
        <DialogHeader>
          <DialogTitle>Start from a template</DialogTitle>
          <DialogDescription>
            The template&apos;s payload is copied into the new experience; editing it later changes only the
            experience.
          </DialogDescription>
        </DialogHeader>
        <div className="relative">
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            aria-label="Search templates"
            placeholder="Search templates"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            className="pl-9"
          />
        </div>
        {templates.isPending ? (
          <div className="grid gap-2">
            <Skeleton className="h-16" />
            <Skeleton className="h-16" />
          </div>
        ) : templates.isError ? (
          <p className="text-sm text-danger">Templates could not be loaded: {templates.error.message}</p>
        ) : shown.length === 0 ? (
          <EmptyState
            variant="plain"
            icon={LayoutTemplate}
            title={q ? "No template matches" : "No templates yet"}
            description={
              q
                ? "Try another name."
                : "Save an experience's payload as a template, or create one on the Templates page."
            }
          />
        ) : (
          <ul className="grid max-h-[50dvh] gap-2 overflow-y-auto pr-1">
            {shown.map((t) => (
              <li key={t.id}>
                <button
                  type="button"
                  disabled={busy !== null}
                  onClick={async () => {
                    setBusy(t.id);
                    try {
                      await onPick(t);
                    } finally {
                      setBusy(null);
                    }
                  }}
                  className="grid w-full gap-1 rounded-lg border px-4 py-3 text-left transition-colors hover:border-primary/50 hover:bg-primary-subtle/40 focus-ring disabled:opacity-60"
                >
                  <span className="text-sm font-medium">{t.name}</span>
                  {t.description ? (
                    <span className="text-[13px] text-muted-foreground">{t.description}</span>
                  ) : null}
                  <code className="truncate font-mono text-xs text-muted-foreground">
                    {oneLine(t.payload, 140)}
                  </code>
                </button>
              </li>
            ))}
          </ul>
        )}
      </DialogContent>
    </Dialog>
  );
}

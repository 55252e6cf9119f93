"use client";

import { useState } from "react";
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from "@dnd-kit/core";
import {
  SortableContext,
  arrayMove,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import {
  ArrowDown,
  ArrowUp,
  Copy,
  GripVertical,
  LayoutTemplate,
  MoreHorizontal,
  Pencil,
  Plus,
  SlidersHorizontal,
  Sparkles,
  Trash2,
} from "lucide-react";
import { useQueryClient } from "@tanstack/react-query";
import { useConsole } from "@/components/console/console-context";
import { keys, usePersonalizationCache } from "@/components/personalizations/queries";
import { SaveTemplateDialog } from "@/components/personalizations/save-template-dialog";
import { ExperienceStatusBadge } from "@/components/personalizations/status-badge";
import { audienceSummary, displaySummary, scheduleSummary } from "@/components/personalizations/summaries";
import { TemplatePickerDialog } from "@/components/personalizations/template-picker-dialog";
import { isVersionConflict } from "@/components/personalizations/versioned-save";
import { ConfirmDialog } from "@/components/console/confirm-dialog";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { toast } from "@/components/ui/toast";
import { apiFetch } from "@/lib/client/api";
import type { Experience, ExperienceWriteResult } from "@/lib/schemas/experiences";
import type { Personalization } from "@/lib/schemas/personalizations";
import { cn } from "@/lib/utils/cn";

export type ExperienceDialog = { kind: "edit" | "configure"; experienceId: string; focus?: string };

/** The experiences in priority order: drag (or keyboard) to reorder, and every action per row. */
export function ExperiencesTab({
  p,
  onOpenDialog,
}: {
  p: Personalization;
  onOpenDialog: (d: ExperienceDialog) => void;
}) {
  const { canWrite, api, org, project } = useConsole();
  const cache = usePersonalizationCache(p.id);
  const queryClient = useQueryClient();
  const [optimistic, setOptimistic] = useState<string[] | null>(null);
  const [pickTemplate, setPickTemplate] = useState(false);
  const [saveTemplate, setSaveTemplate] = useState<Experience | null>(null);
  const [remove, setRemove] = useState<Experience | null>(null);
  const [busy, setBusy] = useState(false);
  const path = `/personalizations/${encodeURIComponent(p.id)}/experiences`;

  const byId = new Map(p.experiences.map((e) => [e.id, e]));
  const order =
    optimistic && optimistic.every((id) => byId.has(id)) && optimistic.length === p.experiences.length
      ? optimistic
      : p.experiences.map((e) => e.id);
  const list = order.flatMap((id) => {
    const e = byId.get(id);
    return e ? [e] : [];
  });

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const stale = async () => {
    setOptimistic(null);
    await cache.refetch();
    toast.error("It changed meanwhile", { description: "The list now shows the latest version. Try again." });
  };

  // One reorder at a time: each sends the version the previous one answered.
  const reordering = optimistic !== null;
  const reorder = async (ids: string[], moved: string) => {
    if (reordering) return;
    setOptimistic(ids);
    try {
      const next = await apiFetch<Personalization>(api(`${path}/order`), {
        method: "PUT",
        body: { experienceIds: ids, version: p.version },
      });
      cache.set(next);
      const rank = ids.indexOf(moved) + 1;
      toast.success(`“${byId.get(moved)?.name ?? "Experience"}” is now priority ${rank}`);
    } catch (e) {
      if (isVersionConflict(e)) await stale();
      else toast.error("Could not reorder", { description: e instanceof Error ? e.message : undefined });
    } finally {
      setOptimistic(null);
    }
  };

  const move = (id: string, by: -1 | 1) => {
    const from = order.indexOf(id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= order.length) return;
    void reorder(arrayMove(order, from, to), id);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = order.indexOf(String(active.id));
    const to = order.indexOf(String(over.id));
    if (from < 0 || to < 0) return;
    void reorder(arrayMove(order, from, to), String(active.id));
  };

  const nameOf = (id: string | number) => byId.get(String(id))?.name ?? "experience";
  const rankOf = (id: string | number) => order.indexOf(String(id)) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up ${nameOf(active.id)}, priority ${rankOf(active.id)} of ${order.length}. Use the arrow keys to move it, Space to drop, Escape to cancel.`,
    onDragOver: ({ active, over }) =>
      over
        ? `${nameOf(active.id)} would take priority ${rankOf(over.id)}.`
        : `${nameOf(active.id)} is not over a position.`,
    onDragEnd: ({ active, over }) =>
      over ? `${nameOf(active.id)} dropped at priority ${rankOf(over.id)}.` : `${nameOf(active.id)} dropped.`,
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled.`,
  };

  const add = async (templateId?: string) => {
    setBusy(true);
    try {
      const res = await apiFetch<ExperienceWriteResult>(api(path), {
        body: { version: p.version, ...(templateId ? { templateId } : {}) },
      });
      await cache.refetch();
      cache.invalidate();
      setPickTemplate(false);
      toast.success(`Added “${res.experience.name}”`, {
        description: templateId
          ? "Its payload was copied from the template."
          : "Write its payload, then configure its audience.",
      });
      onOpenDialog({ kind: "edit", experienceId: res.experience.id });
    } catch (e) {
      if (isVersionConflict(e)) await stale();
      else
        toast.error("Could not add the experience", {
          description: e instanceof Error ? e.message : undefined,
        });
    } finally {
      setBusy(false);
    }
  };

  const duplicate = async (e: Experience) => {
    try {
      const res = await apiFetch<ExperienceWriteResult>(
        api(`${path}/${encodeURIComponent(e.id)}/duplicate`),
        { body: { version: p.version } },
      );
      await cache.refetch();
      cache.invalidate();
      toast.success(`Duplicated as “${res.experience.name}”`, {
        description: "The copy sits right below the original.",
      });
    } catch (err) {
      if (isVersionConflict(err)) await stale();
      else
        toast.error("Could not duplicate", { description: err instanceof Error ? err.message : undefined });
    }
  };

  const doDelete = async (e: Experience) => {
    setBusy(true);
    try {
      await apiFetch(api(`${path}/${encodeURIComponent(e.id)}?version=${p.version}`), { method: "DELETE" });
      await cache.refetch();
      cache.invalidate();
      toast.success(`Deleted “${e.name}”`);
    } catch (err) {
      if (isVersionConflict(err)) await stale();
      else toast.error("Could not delete", { description: err instanceof Error ? err.message : undefined });
    } finally {
      setBusy(false);
      setRemove(null);
    }
  };

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="max-w-2xl text-[13px] text-muted-foreground">
          Tried top to bottom: each visitor gets the first experience whose audience, display rules and
          schedule match.
          {canWrite
            ? " Drag a row by its handle (or focus the handle and use Space and the arrow keys) to change priorities."
            : null}
        </p>
        {canWrite ? (
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="outline" size="sm" loading={busy}>
                <Plus aria-hidden="true" />
                Add experience
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              <DropdownMenuItem onSelect={() => void add()}>
                <Plus aria-hidden="true" />
                From scratch
              </DropdownMenuItem>
              <DropdownMenuItem onSelect={() => setPickTemplate(true)}>
                <LayoutTemplate aria-hidden="true" />
                From a template…
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
        ) : null}
      </div>

      {list.length === 0 ? (
        <EmptyState
          icon={Sparkles}
          title="No experiences"
          description="A personalization needs at least one experience (a payload and its audience) to start."
          action={
            canWrite ? (
              <Button onClick={() => void add()} loading={busy}>
                <Plus aria-hidden="true" />
                Add an experience
              </Button>
            ) : null
          }
        />
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onDragEnd}
          accessibility={{ announcements }}
        >
          <SortableContext items={order} strategy={verticalListSortingStrategy}>
            <ol className="grid gap-2" aria-label="Experiences in priority order">
              {list.map((e, i) => (
                <ExperienceRow
                  key={e.id}
                  experience={e}
                  rank={i + 1}
                  count={list.length}
                  canWrite={canWrite}
                  locked={reordering}
                  onEdit={() => onOpenDialog({ kind: "edit", experienceId: e.id })}
                  onConfigure={() => onOpenDialog({ kind: "configure", experienceId: e.id })}
                  onMove={(by) => move(e.id, by)}
                  onDuplicate={() => void duplicate(e)}
                  onSaveTemplate={() => setSaveTemplate(e)}
                  onDelete={() => setRemove(e)}
                />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      )}

      <TemplatePickerDialog open={pickTemplate} onOpenChange={setPickTemplate} onPick={(t) => add(t.id)} />
      <SaveTemplateDialog
        open={saveTemplate !== null}
        onOpenChange={(open) => (open ? undefined : setSaveTemplate(null))}
        defaultName={saveTemplate?.name ?? ""}
        onSave={async (values) => {
          if (!saveTemplate) return;
          await apiFetch(api(`${path}/${encodeURIComponent(saveTemplate.id)}/template`), { body: values });
          void queryClient.invalidateQueries({ queryKey: keys.templates(org, project) });
          toast.success(`Template “${values.name}” saved`, {
            description: "New experiences can start from it.",
          });
        }}
      />
      <ConfirmDialog
        open={remove !== null}
        onCancel={() => setRemove(null)}
        title={`Delete “${remove?.name ?? ""}”?`}
        description={
          <>
            Its payload, audience and schedule are deleted; the experiences below it move up one priority.
            {p.status === "running" ? " It stops serving immediately." : null}
          </>
        }
        confirmLabel="Delete experience"
        pending={busy}
        onConfirm={() => remove && void doDelete(remove)}
      />
    </div>
  );
}

type RowProps = {
  experience: Experience;
  rank: number;
  count: number;
  canWrite: boolean;
  /** A reorder is being saved: no other move until it is. */
  locked: boolean;
  onEdit: () => void;
  onConfigure: () => void;
  onMove: (by: -1 | 1) => void;
  onDuplicate: () => void;
  onSaveTemplate: () => void;
  onDelete: () => void;
};

function ExperienceRow({
  experience: e,
  rank,
  count,
  canWrite,
  locked,
  onEdit,
  onConfigure,
  onMove,
  onDuplicate,
  onSaveTemplate,
  onDelete,
}: RowProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: e.id, disabled: !canWrite || locked });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-testid="experience-row"
      aria-label={`Priority ${rank}: ${e.name}`}
      className={cn(
        "flex items-stretch gap-1 rounded-xl border bg-background shadow-xs",
        isDragging && "relative z-10 border-primary/50 shadow-lg ring-2 ring-primary/20",
      )}
    >
      {canWrite ? (
        <button
          type="button"
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          aria-label={`Drag to reorder ${e.name}`}
          aria-disabled={locked || undefined}
          className="flex w-8 shrink-0 cursor-grab touch-none items-center justify-center rounded-l-xl text-muted-foreground hover:bg-muted focus-ring active:cursor-grabbing"
        >
          <GripVertical aria-hidden="true" className="size-4" />
        </button>
      ) : (
        <span className="w-3 shrink-0" />
      )}
      <div className="flex min-w-0 flex-1 items-start gap-3 py-3 pr-2">
        <span
          className="mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-md bg-muted text-xs font-semibold tabular-nums"
          title={`Priority ${rank}`}
        >
          {rank}
        </span>
        <div className="grid min-w-0 flex-1 gap-1">
          <div className="flex flex-wrap items-center gap-2">
            <button
              type="button"
              onClick={onEdit}
              className="min-w-0 truncate text-left text-sm font-medium hover:underline focus-ring"
            >
              {e.name}
            </button>
            <ExperienceStatusBadge status={e.status} />
          </div>
          <p className="truncate text-[13px] text-muted-foreground" title={audienceSummary(e.audience, 1000)}>
            <span className="font-medium text-foreground/70">Audience:</span> {audienceSummary(e.audience)}
          </p>
          <p className="text-xs text-muted-foreground">
            {displaySummary(e.display)} · {scheduleSummary(e.schedule)}
          </p>
        </div>
      </div>
      <div className="flex shrink-0 items-start gap-1 py-2.5 pr-2.5">
        <Button variant="ghost" size="sm" className="hidden md:inline-flex" onClick={onEdit}>
          <Pencil aria-hidden="true" />
          {canWrite ? "Edit" : "View"}
        </Button>
        <Button variant="ghost" size="sm" className="hidden md:inline-flex" onClick={onConfigure}>
          <SlidersHorizontal aria-hidden="true" />
          Configure
        </Button>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${e.name}`}>
              <MoreHorizontal aria-hidden="true" />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            <DropdownMenuItem onSelect={onEdit}>
              <Pencil aria-hidden="true" />
              {canWrite ? "Edit payload" : "View payload"}
            </DropdownMenuItem>
            <DropdownMenuItem onSelect={onConfigure}>
              <SlidersHorizontal aria-hidden="true" />
              {canWrite ? "Configure" : "View configuration"}
            </DropdownMenuItem>
            {canWrite ? (
              <>
                <DropdownMenuSeparator />
                <DropdownMenuItem disabled={rank === 1 || locked} onSelect={() => onMove(-1)}>
                  <ArrowUp aria-hidden="true" />
                  Move up
                </DropdownMenuItem>
                <DropdownMenuItem disabled={rank === count || locked} onSelect={() => onMove(1)}>
                  <ArrowDown aria-hidden="true" />
                  Move down
                </DropdownMenuItem>
                <DropdownMenuSeparator />
                <DropdownMenuItem onSelect={onDuplicate}>
                  <Copy aria-hidden="true" />
                  Duplicate
                </DropdownMenuItem>
                <DropdownMenuItem onSelect={onSaveTemplate}>
                  <LayoutTemplate aria-hidden="true" />
                  Save as template
                </DropdownMenuItem>
                <DropdownMenuSeparator />
                <DropdownMenuItem variant="destructive" onSelect={onDelete}>
                  <Trash2 aria-hidden="true" />
                  Delete
                </DropdownMenuItem>
              </>
            ) : null}
          </DropdownMenuContent>
        </DropdownMenu>
      </div>
    </li>
  );
}

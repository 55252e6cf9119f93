"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { Layers, ListChecks, Sparkles } from "lucide-react";
import type { PersonalizationSummary } from "@/lib/schemas/personalizations";
import { useConsole } from "@/components/console/console-context";
import { SearchInput } from "@/components/console/search-input";
import { usePersonalizationSummaries, useSelectorGroups } from "@/components/preview/audience-queries";
import { Segmented } from "@/components/preview/segmented";
import { sectionHref } from "@/components/shell/nav";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { cn } from "@/lib/utils/cn";

export interface Selection {
  mode: "names" | "group" | "all";
  names: string[];
  group: string;
}

const STATUS: Record<
  PersonalizationSummary["status"],
  { label: string; variant: NonNullable<BadgeProps["variant"]> }
> = {
  draft: { label: "Draft", variant: "neutral" },
  running: { label: "Running", variant: "success" },
  paused: { label: "Paused", variant: "warning" },
  archived: { label: "Archived", variant: "outline" },
};

export function StatusBadge({ status }: { status: PersonalizationSummary["status"] }) {
  return (
    <Badge variant={STATUS[status].variant} dot>
      {STATUS[status].label}
    </Badge>
  );
}

/** Which selectors to decide: picked personalizations, a selector group, or everything. */
export function SelectionPicker({
  selection,
  onChange,
  includeNotRunning,
  onIncludeNotRunningChange,
  error,
}: {
  selection: Selection;
  onChange: (selection: Selection) => void;
  includeNotRunning: boolean;
  onIncludeNotRunningChange: (value: boolean) => void;
  error: string | null;
}) {
  const { org, project } = useConsole();
  const personalizations = usePersonalizationSummaries();
  const groups = useSelectorGroups();
  const [search, setSearch] = useState("");
  const all = useMemo(() => personalizations.data ?? [], [personalizations.data]);
  const visible = useMemo(() => {
    const q = search.trim().toLowerCase();
    return q
      ? all.filter((p) => p.name.toLowerCase().includes(q) || p.selector.toLowerCase().includes(q))
      : all;
  }, [all, search]);
  const notRunning = all.filter((p) => p.status !== "running").length;
  // Selectors typed in a link that match no personalization are kept (they preview as not_found).
  const unknown = selection.names.filter((n) => !all.some((p) => p.selector === n));

  return (
    <div className="grid gap-3">
      <Segmented
        aria-label="What to preview"
        value={selection.mode}
        onChange={(mode) => onChange({ ...selection, mode })}
        options={[
          { value: "names", label: "Personalizations", icon: <ListChecks aria-hidden="true" /> },
          { value: "group", label: "A selector group", icon: <Layers aria-hidden="true" /> },
          { value: "all", label: "Everything", icon: <Sparkles aria-hidden="true" /> },
        ]}
      />

      {selection.mode === "names" ? (
        personalizations.isPending ? (
          <Skeleton className="h-32" />
        ) : all.length === 0 ? (
          <p className="text-[13px] text-muted-foreground">
            No personalizations yet.{" "}
            <Link
              className="font-medium text-primary underline-offset-4 hover:underline"
              href={`${sectionHref(org, project, "personalizations")}/new`}
            >
              Create one
            </Link>{" "}
            to preview it.
          </p>
        ) : (
          <div className="grid gap-2">
            <div className="flex flex-wrap items-center gap-2">
              {all.length > 6 ? (
                <SearchInput
                  value={search}
                  onValueChange={setSearch}
                  aria-label="Search personalizations"
                  placeholder="Search by name or selector"
                />
              ) : null}
              <span className="ml-auto flex gap-1">
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  onClick={() =>
                    onChange({
                      ...selection,
                      names: [...new Set([...selection.names, ...visible.map((p) => p.selector)])],
                    })
                  }
                >
                  Select all
                </Button>
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  onClick={() => onChange({ ...selection, names: [] })}
                  disabled={selection.names.length === 0}
                >
                  Clear
                </Button>
              </span>
            </div>
            <ul
              className="grid max-h-72 gap-1 overflow-y-auto rounded-lg border p-1"
              aria-label="Personalizations"
            >
              {visible.map((p) => {
                const id = `pick-${p.id}`;
                const checked = selection.names.includes(p.selector);
                return (
                  <li key={p.id}>
                    <label
                      htmlFor={id}
                      className={cn(
                        "flex cursor-pointer items-center gap-3 rounded-md px-2.5 py-2 hover:bg-subtle",
                        checked && "bg-primary-subtle/50",
                      )}
                    >
                      <Checkbox
                        id={id}
                        checked={checked}
                        onCheckedChange={(next) =>
                          onChange({
                            ...selection,
                            names:
                              next === true
                                ? [...selection.names, p.selector]
                                : selection.names.filter((n) => n !== p.selector),
                          })
                        }
                      />
                      <span className="grid min-w-0 flex-1 gap-0.5">
                        <span className="truncate text-sm font-medium">{p.name}</span>
                        <code className="truncate font-mono text-xs text-muted-foreground">{p.selector}</code>
                      </span>
                      <StatusBadge status={p.status} />
                    </label>
                  </li>
                );
              })}
              {visible.length === 0 ? (
                <li className="px-2.5 py-3 text-[13px] text-muted-foreground">Nothing matches “{search}”.</li>
              ) : null}
            </ul>
            {unknown.length > 0 ? (
              <p className="text-[13px] text-muted-foreground">
                Also asked for, unknown here:{" "}
                {unknown.map((n) => (
                  <code key={n} className="mr-1 font-mono">
                    {n}
                  </code>
                ))}
              </p>
            ) : null}
          </div>
        )
      ) : selection.mode === "group" ? (
        groups.isPending ? (
          <Skeleton className="h-9 max-w-sm" />
        ) : (groups.data ?? []).length === 0 ? (
          <p className="text-[13px] text-muted-foreground">
            No selector groups yet.{" "}
            <Link
              className="font-medium text-primary underline-offset-4 hover:underline"
              href={sectionHref(org, project, "groups")}
            >
              Create one
            </Link>{" "}
            to ask for several personalizations at once.
          </p>
        ) : (
          <div className="grid max-w-sm gap-2">
            <Label htmlFor="preview-group">Group</Label>
            <Select value={selection.group} onValueChange={(group) => onChange({ ...selection, group })}>
              <SelectTrigger id="preview-group">
                <SelectValue placeholder="Pick a selector group" />
              </SelectTrigger>
              <SelectContent>
                {(groups.data ?? []).map((g) => (
                  <SelectItem key={g.id} value={g.name}>
                    {g.name} ({g.personalizations.length})
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
            <p className="text-[13px] text-muted-foreground">
              A group answers with its running members, as choose-api does (drafts and paused too when
              included).
            </p>
          </div>
        )
      ) : (
        <p className="text-[13px] text-muted-foreground">
          Every personalization of the project{personalizations.data ? ` (${all.length})` : ""}, archived ones
          aside.
        </p>
      )}

      <div className="flex items-start gap-2.5 pt-1">
        <Switch
          id="include-not-running"
          checked={includeNotRunning}
          onCheckedChange={onIncludeNotRunningChange}
          className="mt-0.5"
        />
        <div className="grid gap-0.5">
          <Label htmlFor="include-not-running">Include drafts and paused</Label>
          <p className="text-[13px] text-muted-foreground">
            Evaluate them as if they were running{notRunning > 0 ? ` (${notRunning} in this project)` : ""}.
            Off: they answer “not running”, as live traffic sees.
          </p>
        </div>
      </div>
      {error ? (
        <p role="alert" className="text-[13px] font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { ListChecks, MoreHorizontal, Pencil, Plus, Sparkles, Trash2, UsersRound } from "lucide-react";
import type { Segment } from "@/lib/schemas/segments";
import { useConsole } from "@/components/console/console-context";
import { RelativeTime } from "@/components/console/date-time";
import { GuardedButton } from "@/components/console/guarded-button";
import { QueryError } from "@/components/console/query-error";
import { SearchInput } from "@/components/console/search-input";
import { TableSkeleton } from "@/components/console/table-skeleton";
import { useSegments } from "@/components/preview/audience-queries";
import { getSection, sectionHref } from "@/components/shell/nav";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tooltip } from "@/components/ui/tooltip";
import { DeleteSegmentDialog } from "./delete-segment-dialog";
import { SegmentDialog } from "./segment-dialog";
import { summarizeCondition } from "./segment-model";
import { useSegmentUsage, type SegmentUsage } from "./segment-usage";

export const VIEWER_NOTE = "Viewers can see segments but not create, edit, delete or upload.";

export function SegmentsView() {
  const { org, project, canWrite } = useConsole();
  const router = useRouter();
  const section = getSection("segments");
  const query = useSegments();
  const { usage, loading: usageLoading } = useSegmentUsage();
  const [search, setSearch] = useState("");
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Segment | null>(null);
  const [deleting, setDeleting] = useState<Segment | null>(null);
  const base = sectionHref(org, project, "segments");
  const detailHref = (s: Segment) => `${base}/${encodeURIComponent(s.key)}`;

  const all = useMemo(() => query.data ?? [], [query.data]);
  const visible = useMemo(() => {
    const q = search.trim().toLowerCase();
    return q
      ? all.filter((s) => [s.key, s.name, s.description ?? ""].some((t) => t.toLowerCase().includes(q)))
      : all;
  }, [all, search]);

  const createButton = (
    <GuardedButton allowed={canWrite} reason={VIEWER_NOTE} onClick={() => setCreating(true)}>
      <Plus aria-hidden="true" />
      Create segment
    </GuardedButton>
  );

  return (
    <>
      <PageHeader title={section.title} description={section.description} actions={createButton} />

      {query.isPending ? (
        <TableSkeleton rows={4} columns={5} label="Loading segments" />
      ) : query.isError ? (
        <QueryError
          title="Could not load the segments"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : all.length === 0 ? (
        <EmptyState
          icon={UsersRound}
          title="No segments yet"
          description={
            canWrite
              ? "A segment is an audience you reuse: a rule (“bought twice this month”) or a static list of user ids from a CSV. Use it in any experience with the Segment condition."
              : "A segment is an audience to reuse in experiences. Ask an editor to create one."
          }
          action={canWrite ? createButton : null}
        />
      ) : (
        <div className="grid gap-3">
          {all.length > 5 ? (
            <SearchInput
              value={search}
              onValueChange={setSearch}
              aria-label="Search segments"
              placeholder="Search by key, name or description"
            />
          ) : null}
          <Table aria-label="Segments">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Segment</TableHead>
                <TableHead className="hidden sm:table-cell">Type</TableHead>
                <TableHead>Members or rule</TableHead>
                <TableHead className="hidden md:table-cell">Used by</TableHead>
                <TableHead className="hidden lg:table-cell">Updated</TableHead>
                <TableHead className="w-px">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {visible.length === 0 ? (
                <TableRow className="hover:bg-transparent">
                  <TableCell colSpan={6} className="py-8 text-center text-muted-foreground">
                    No segment matches “{search}”.
                  </TableCell>
                </TableRow>
              ) : (
                visible.map((segment) => (
                  <TableRow key={segment.id} data-segment={segment.key}>
                    <TableCell className="max-w-64">
                      <Link
                        href={detailHref(segment)}
                        className="block truncate rounded-sm font-medium text-foreground hover:underline focus-ring"
                      >
                        {segment.name}
                      </Link>
                      <code className="block truncate font-mono text-xs text-muted-foreground">
                        {segment.key}
                      </code>
                    </TableCell>
                    <TableCell className="hidden sm:table-cell">
                      <TypeBadge segment={segment} />
                    </TableCell>
                    <TableCell className="max-w-80">
                      {segment.type === "static" ? (
                        <span className="tabular-nums" data-testid="member-count">
                          {(segment.memberCount ?? 0).toLocaleString()} member
                          {segment.memberCount === 1 ? "" : "s"}
                        </span>
                      ) : (
                        <code
                          className="line-clamp-2 font-mono text-xs break-all text-muted-foreground"
                          title={JSON.stringify(segment.condition)}
                        >
                          {summarizeCondition(segment.condition)}
                        </code>
                      )}
                    </TableCell>
                    <TableCell className="hidden md:table-cell">
                      {usageLoading ? (
                        <Skeleton className="h-4 w-20" />
                      ) : (
                        <UsedBy usage={usage.get(segment.key)} />
                      )}
                    </TableCell>
                    <TableCell className="hidden text-[13px] lg:table-cell">
                      <RelativeTime iso={segment.updatedAt} />
                    </TableCell>
                    <TableCell className="text-right">
                      <DropdownMenu>
                        <DropdownMenuTrigger asChild>
                          <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${segment.name}`}>
                            <MoreHorizontal aria-hidden="true" />
                          </Button>
                        </DropdownMenuTrigger>
                        <DropdownMenuContent align="end">
                          <DropdownMenuItem onSelect={() => router.push(detailHref(segment))}>
                            {segment.type === "static" ? (
                              <ListChecks aria-hidden="true" />
                            ) : (
                              <Sparkles aria-hidden="true" />
                            )}
                            {segment.type === "static" && canWrite ? "Manage members" : "Open"}
                          </DropdownMenuItem>
                          {canWrite ? (
                            <>
                              <DropdownMenuItem onSelect={() => setEditing(segment)}>
                                <Pencil aria-hidden="true" />
                                Edit
                              </DropdownMenuItem>
                              <DropdownMenuSeparator />
                              <DropdownMenuItem variant="destructive" onSelect={() => setDeleting(segment)}>
                                <Trash2 aria-hidden="true" />
                                Delete
                              </DropdownMenuItem>
                            </>
                          ) : null}
                        </DropdownMenuContent>
                      </DropdownMenu>
                    </TableCell>
                  </TableRow>
                ))
              )}
            </TableBody>
          </Table>
          {canWrite ? null : <p className="text-[13px] text-muted-foreground">{VIEWER_NOTE}</p>}
        </div>
      )}

      <SegmentDialog
        open={creating}
        onOpenChange={setCreating}
        segment={null}
        onSaved={(s) => router.push(detailHref(s))}
      />
      <SegmentDialog
        open={editing !== null}
        onOpenChange={(open) => (open ? undefined : setEditing(null))}
        segment={editing}
      />
      <DeleteSegmentDialog segment={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}

export function TypeBadge({ segment }: { segment: Pick<Segment, "type"> }) {
  return segment.type === "static" ? (
    <Badge variant="info">
      <ListChecks aria-hidden="true" className="size-3" />
      Static list
    </Badge>
  ) : (
    <Badge variant="primary">
      <Sparkles aria-hidden="true" className="size-3" />
      Rule
    </Badge>
  );
}

function UsedBy({ usage }: { usage: SegmentUsage | undefined }) {
  const count = (usage?.experiences.length ?? 0) + (usage?.segments.length ?? 0);
  if (!usage || count === 0) return <span className="text-[13px] text-muted-foreground">Not used</span>;
  const names = [
    ...usage.experiences.map((e) => `${e.personalizationName} › ${e.name}`),
    ...usage.segments.map((s) => `segment ${s.key}`),
  ];
  const parts: string[] = [];
  if (usage.experiences.length > 0)
    parts.push(`${usage.experiences.length} experience${usage.experiences.length === 1 ? "" : "s"}`);
  if (usage.segments.length > 0)
    parts.push(`${usage.segments.length} segment${usage.segments.length === 1 ? "" : "s"}`);
  return (
    <Tooltip
      content={
        <span className="grid gap-0.5">
          {names.slice(0, 8).map((n) => (
            <span key={n}>{n}</span>
          ))}
          {names.length > 8 ? <span>and {names.length - 8} more</span> : null}
        </span>
      }
    >
      <span
        tabIndex={0}
        className="rounded-sm text-[13px] underline decoration-dotted underline-offset-4 focus-ring"
      >
        {parts.join(", ")}
      </span>
    </Tooltip>
  );
}

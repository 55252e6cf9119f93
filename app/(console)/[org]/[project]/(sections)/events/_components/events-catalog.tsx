"use client";

import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Activity } from "lucide-react";
import type { CatalogEvent } from "@/lib/schemas/catalog";
import { apiFetch } from "@/lib/client/api";
import { useConsole } from "@/components/console/console-context";
import { DateTime, RelativeTime } from "@/components/console/date-time";
import { FirstDataHint } from "@/components/console/first-data-hint";
import { QueryError } from "@/components/console/query-error";
import { SearchInput } from "@/components/console/search-input";
import { TableSkeleton } from "@/components/console/table-skeleton";
import { useDebounced } from "@/components/console/use-debounced";
import { getSection } from "@/components/shell/nav";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { SectionLink } from "../../../_components/section-link";

/** Events that report engagement with a served experience (SPEC §6.2). */
const ENGAGEMENT = new Set(["experience_viewed", "experience_clicked", "experience_dismissed"]);
const LIMIT = 500;
const count = new Intl.NumberFormat();

export function EventsCatalog() {
  const { org, project, api } = useConsole();
  const section = getSection("events");
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim());
  const query = useQuery({
    queryKey: ["console", org, project, "catalog", "events", q],
    queryFn: () =>
      apiFetch<{ events: CatalogEvent[]; hasMore: boolean }>(
        api(`/catalog/events?${new URLSearchParams({ ...(q ? { q } : {}), limit: String(LIMIT) })}`),
      ),
    placeholderData: keepPreviousData,
  });

  const events = query.data?.events ?? [];
  const nothingYet = !q && query.isSuccess && events.length === 0;

  return (
    <>
      <PageHeader title={section.title} description={section.description} />
      {query.isPending ? (
        <TableSkeleton rows={5} columns={4} label="Loading the events catalog" />
      ) : query.isError && !query.data ? (
        <QueryError
          title="Could not load the events"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : nothingYet ? (
        <EmptyState
          icon={Activity}
          title="No events yet"
          description="Events appear here as soon as your servers send them to track, with a key that has the track scope."
          action={
            <SectionLink org={org} project={project} section="sources">
              Create a key
            </SectionLink>
          }
        >
          <FirstDataHint kind="event" />
        </EmptyState>
      ) : (
        <div className="grid gap-3">
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
            <SearchInput
              value={search}
              onValueChange={setSearch}
              placeholder="Search event names"
              aria-label="Search event names"
            />
            <p className="flex items-center gap-2 text-[13px] text-muted-foreground" aria-live="polite">
              {query.isFetching ? <Spinner size="sm" label={null} /> : null}
              {events.length} event name{events.length === 1 ? "" : "s"}
              {query.data?.hasMore ? ` (the first ${LIMIT}; search to narrow)` : ""}
            </p>
          </div>
          <Table aria-label="Events">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Name</TableHead>
                <TableHead className="text-right">Count</TableHead>
                <TableHead className="hidden md:table-cell">First seen</TableHead>
                <TableHead>Last seen</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {events.length === 0 ? (
                <TableRow className="hover:bg-transparent">
                  <TableCell colSpan={4} className="py-8 text-center text-muted-foreground">
                    No event name starts with “{q}”.
                  </TableCell>
                </TableRow>
              ) : (
                events.map((event) => (
                  <TableRow key={event.name}>
                    <TableCell className="max-w-48 sm:max-w-80">
                      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                        <code className="truncate font-mono text-[13px] font-medium" title={event.name}>
                          {event.name}
                        </code>
                        {ENGAGEMENT.has(event.name) ? <Badge variant="info">engagement</Badge> : null}
                      </div>
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{count.format(event.count)}</TableCell>
                    <TableCell className="hidden md:table-cell">
                      <DateTime iso={event.firstSeenAt} />
                    </TableCell>
                    <TableCell>
                      <RelativeTime iso={event.lastSeenAt} />
                    </TableCell>
                  </TableRow>
                ))
              )}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}

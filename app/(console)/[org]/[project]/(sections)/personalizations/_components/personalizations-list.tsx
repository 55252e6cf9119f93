"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Plus, Search, Sparkles, X } from "lucide-react";
import { useConsole } from "@/components/console/console-context";
import { SearchInput } from "@/components/console/search-input";
import { TableSkeleton } from "@/components/console/table-skeleton";
import { useGroups, usePersonalizationList } from "@/components/personalizations/queries";
import { RelativeTime } from "@/components/console/date-time";
import { PersonalizationStatusBadge } from "@/components/personalizations/status-badge";
import { metricSummary } from "@/components/personalizations/summaries";
import { PageHeader } from "@/components/shell/page-header";
import { getSection } from "@/components/shell/nav";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tooltip } from "@/components/ui/tooltip";
import { PERSONALIZATION_STATUSES, type PersonalizationStatus } from "@/lib/schemas/personalizations";
import { cn } from "@/lib/utils/cn";

const STATUS_LABELS: Record<PersonalizationStatus, string> = {
  draft: "Drafts",
  running: "Running",
  paused: "Paused",
  archived: "Archived",
};
const ALL = "__all";

export function PersonalizationsList() {
  const { org, project, canWrite } = useConsole();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const statusParam = params.get("status");
  const status = PERSONALIZATION_STATUSES.find((s) => s === statusParam);
  const group = params.get("group") ?? undefined;
  const q = params.get("q") ?? "";

  const list = usePersonalizationList({ status, group });
  const groups = useGroups();
  const section = getSection("personalizations");
  const base = `/${encodeURIComponent(org)}/${encodeURIComponent(project)}/personalizations`;

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    const qs = next.toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };

  const needle = q.trim().toLowerCase();
  const rows = (list.data ?? []).filter(
    (p) => !needle || p.name.toLowerCase().includes(needle) || p.selector.toLowerCase().includes(needle),
  );
  const filtered = Boolean(status || group || needle);

  const create = canWrite ? (
    <Button asChild>
      <Link href={`${base}/new`}>
        <Plus aria-hidden="true" />
        Create personalization
      </Link>
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={section.title} description={section.description} actions={create} />

      <div className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-center">
        <SearchInput
          aria-label="Search by name or selector"
          placeholder="Search name or selector"
          value={q}
          onValueChange={(v) => setParam("q", v || undefined)}
          className="sm:w-72"
        />
        <div className="flex gap-2">
          <Select value={status ?? ALL} onValueChange={(v) => setParam("status", v === ALL ? undefined : v)}>
            <SelectTrigger aria-label="Status" className="w-full sm:w-40">
              <SelectValue>{status ? STATUS_LABELS[status] : "All but archived"}</SelectValue>
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ALL}>All but archived</SelectItem>
              {PERSONALIZATION_STATUSES.map((s) => (
                <SelectItem key={s} value={s}>
                  {STATUS_LABELS[s]}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          <Select value={group ?? ALL} onValueChange={(v) => setParam("group", v === ALL ? undefined : v)}>
            <SelectTrigger aria-label="Selector group" className="w-full sm:w-44">
              <SelectValue>{group ?? "Any group"}</SelectValue>
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ALL}>Any group</SelectItem>
              {(groups.data ?? []).map((g) => (
                <SelectItem key={g.id} value={g.name}>
                  {g.name}
                </SelectItem>
              ))}
              {group && !(groups.data ?? []).some((g) => g.name === group) ? (
                <SelectItem value={group}>{group}</SelectItem>
              ) : null}
            </SelectContent>
          </Select>
        </div>
        {filtered ? (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => router.replace(pathname, { scroll: false })}
            className="self-start sm:self-auto"
          >
            <X aria-hidden="true" />
            Clear filters
          </Button>
        ) : null}
      </div>

      {list.isError ? (
        <Alert
          variant="danger"
          action={
            <Button size="sm" variant="outline" onClick={() => void list.refetch()}>
              Retry
            </Button>
          }
        >
          Personalizations could not be loaded: {list.error.message}
        </Alert>
      ) : list.isPending ? (
        <TableSkeleton rows={4} columns={6} label="Loading personalizations" />
      ) : rows.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={Search}
            title="No personalization matches"
            description="Change the search or the filters to see more."
            action={
              <Button variant="outline" onClick={() => router.replace(pathname, { scroll: false })}>
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={Sparkles}
            title="No personalizations yet"
            description="A personalization gives each visitor the JSON payload of the first experience whose audience they match. Create one as a draft, then start it when it is ready."
            action={create}
          />
        )
      ) : (
        <Table aria-label="Personalizations">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>Name</TableHead>
              <TableHead>Status</TableHead>
              <TableHead className="hidden md:table-cell">Groups</TableHead>
              <TableHead className="text-right">Experiences</TableHead>
              <TableHead className="hidden lg:table-cell">Primary metric</TableHead>
              <TableHead className="text-right">
                <Tooltip content="Visitors first shown one of its experiences (or held back as its control) in the last 7 days.">
                  <span
                    tabIndex={0}
                    className="cursor-help rounded-sm underline decoration-dotted underline-offset-2 focus-ring"
                  >
                    Exposures (7 d)
                  </span>
                </Tooltip>
              </TableHead>
              <TableHead className="hidden sm:table-cell">Updated</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((p) => {
              const href = `${base}/${encodeURIComponent(p.id)}`;
              return (
                <TableRow
                  key={p.id}
                  className="cursor-pointer"
                  onClick={(e) =>
                    e.target instanceof Element && e.target.closest("a,button")
                      ? undefined
                      : router.push(href)
                  }
                >
                  <TableCell className="max-w-72">
                    <Link href={href} className="block truncate font-medium hover:underline focus-ring">
                      {p.name}
                    </Link>
                    <code className="block truncate font-mono text-xs text-muted-foreground">
                      {p.selector}
                    </code>
                  </TableCell>
                  <TableCell>
                    <PersonalizationStatusBadge status={p.status} />
                  </TableCell>
                  <TableCell className="hidden md:table-cell">
                    {p.groups.length === 0 ? (
                      <span className="text-muted-foreground">—</span>
                    ) : (
                      <div className="flex max-w-56 flex-wrap gap-1">
                        {p.groups.map((g) => (
                          <Badge key={g} variant="outline" className="font-mono text-[11px]">
                            {g}
                          </Badge>
                        ))}
                      </div>
                    )}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{p.experienceCount}</TableCell>
                  <TableCell className="hidden max-w-56 truncate lg:table-cell">
                    {p.primaryMetric ? (
                      metricSummary(p.primaryMetric)
                    ) : (
                      <span className="text-muted-foreground">None</span>
                    )}
                  </TableCell>
                  <TableCell
                    className={cn("text-right tabular-nums", p.exposures7d === 0 && "text-muted-foreground")}
                  >
                    {p.exposures7d.toLocaleString("en-US")}
                  </TableCell>
                  <TableCell className="hidden text-muted-foreground sm:table-cell">
                    <RelativeTime iso={p.updatedAt} />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </>
  );
}

"use client";

import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Tags } from "lucide-react";
import type { CatalogAttribute } from "@/lib/schemas/catalog";
import { apiFetch } from "@/lib/client/api";
import { useConsole } from "@/components/console/console-context";
import { RelativeTime } from "@/components/console/date-time";
import { FirstDataHint } from "@/components/console/first-data-hint";
import { QueryError } from "@/components/console/query-error";
import { SearchInput } from "@/components/console/search-input";
import { TableSkeleton } from "@/components/console/table-skeleton";
import { useDebounced } from "@/components/console/use-debounced";
import { getSection } from "@/components/shell/nav";
import { PageHeader } from "@/components/shell/page-header";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { SectionLink } from "../../../_components/section-link";

const ROOTS = ["user", "account", "properties"] as const;
type Scope = "all" | (typeof ROOTS)[number];
type Listing = { attributes: CatalogAttribute[]; hasMore: boolean };

const LIMIT = 500;
const typeColors: Record<string, BadgeProps["variant"]> = {
  string: "success",
  number: "info",
  boolean: "warning",
  object: "primary",
  array: "primary",
  null: "neutral",
};

/**
 * The API matches a path prefix. A search for "plan" means `user.plan…` or `account.plan…` to a
 * marketer, so a bare word is looked up under every root; "user.pl" is taken as it is.
 */
function prefixesFor(scope: Scope, text: string): string[] {
  if (scope !== "all")
    return [`${scope}.${text.startsWith(`${scope}.`) ? text.slice(scope.length + 1) : text}`];
  if (!text || ROOTS.some((root) => text === root || text.startsWith(`${root}.`))) return [text];
  return ROOTS.map((root) => `${root}.${text}`);
}

export function AttributesCatalog() {
  const { org, project, api } = useConsole();
  const section = getSection("attributes");
  const [search, setSearch] = useState("");
  const [scope, setScope] = useState<Scope>("all");
  const q = useDebounced(search.trim());
  const query = useQuery({
    queryKey: ["console", org, project, "catalog", "attributes", scope, q],
    queryFn: async (): Promise<Listing> => {
      const pages = await Promise.all(
        prefixesFor(scope, q).map((prefix) =>
          apiFetch<Listing>(
            api(
              `/catalog/attributes?${new URLSearchParams({ ...(prefix ? { q: prefix } : {}), limit: String(LIMIT) })}`,
            ),
          ),
        ),
      );
      return {
        attributes: pages.flatMap((p) => p.attributes).sort((a, b) => a.path.localeCompare(b.path)),
        hasMore: pages.some((p) => p.hasMore),
      };
    },
    placeholderData: keepPreviousData,
  });

  const attributes = query.data?.attributes ?? [];
  const nothingYet = !q && scope === "all" && query.isSuccess && attributes.length === 0;

  return (
    <>
      <PageHeader title={section.title} description={section.description} />
      {query.isPending ? (
        <TableSkeleton rows={5} columns={3} label="Loading the attributes catalog" />
      ) : query.isError && !query.data ? (
        <QueryError
          title="Could not load the attributes"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : nothingYet ? (
        <EmptyState
          icon={Tags}
          title="No attributes yet"
          description="Attributes appear when your servers identify visitors (an Identify call to track) or send userAttributes with an event. Audience conditions can then use them."
          action={
            <SectionLink org={org} project={project} section="sources">
              Create a key
            </SectionLink>
          }
        >
          <FirstDataHint kind="identify" />
        </EmptyState>
      ) : (
        <div className="grid gap-3">
          <div className="flex flex-col gap-3 md:flex-row md:items-center md:justify-between">
            <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
              <Tabs value={scope} onValueChange={(v) => setScope(v as Scope)} className="gap-0">
                <TabsList aria-label="Attribute scope" className="w-auto border-b-0">
                  <TabsTrigger value="all">All</TabsTrigger>
                  <TabsTrigger value="user">user.*</TabsTrigger>
                  <TabsTrigger value="account">account.*</TabsTrigger>
                  <TabsTrigger value="properties">properties.*</TabsTrigger>
                </TabsList>
              </Tabs>
              <SearchInput
                value={search}
                onValueChange={setSearch}
                placeholder="Search paths, e.g. plan"
                aria-label="Search attribute paths"
              />
            </div>
            <p className="flex items-center gap-2 text-[13px] text-muted-foreground" aria-live="polite">
              {query.isFetching ? <Spinner size="sm" label={null} /> : null}
              {attributes.length} attribute{attributes.length === 1 ? "" : "s"}
              {query.data?.hasMore ? ` (the first ${LIMIT}; search to narrow)` : ""}
            </p>
          </div>
          <Table aria-label="Attributes">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Path</TableHead>
                <TableHead>Type</TableHead>
                <TableHead className="hidden sm:table-cell">Last seen</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {attributes.length === 0 ? (
                <TableRow className="hover:bg-transparent">
                  <TableCell colSpan={3} className="py-8 text-center text-muted-foreground">
                    No attribute matches “{q}”{scope === "all" ? "" : ` under ${scope}.*`}.
                  </TableCell>
                </TableRow>
              ) : (
                attributes.map((attribute) => (
                  <TableRow key={attribute.path}>
                    <TableCell className="max-w-96">
                      <code className="block truncate font-mono text-[13px]" title={attribute.path}>
                        <span className="text-muted-foreground">
                          {attribute.path.slice(0, attribute.path.indexOf(".") + 1)}
                        </span>
                        <span className="font-medium">
                          {attribute.path.slice(attribute.path.indexOf(".") + 1)}
                        </span>
                      </code>
                    </TableCell>
                    <TableCell>
                      <Badge variant={typeColors[attribute.type] ?? "outline"}>{attribute.type}</Badge>
                    </TableCell>
                    <TableCell className="hidden sm:table-cell">
                      <RelativeTime iso={attribute.lastSeenAt} />
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

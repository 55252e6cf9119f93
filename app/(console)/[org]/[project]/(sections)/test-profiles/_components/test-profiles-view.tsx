"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Copy, FlaskConical, MoreHorizontal, Pencil, Plus, ScanEye, Trash2 } from "lucide-react";
import type { TestProfile } from "@/lib/schemas/test-profiles";
import { apiFetch } from "@/lib/client/api";
import { toastError } from "@/components/console/api-errors";
import { useConsole } from "@/components/console/console-context";
import { DateTime, RelativeTime } from "@/components/console/date-time";
import { GuardedButton } from "@/components/console/guarded-button";
import { QueryError } from "@/components/console/query-error";
import { SearchInput } from "@/components/console/search-input";
import { TableSkeleton } from "@/components/console/table-skeleton";
import { audienceKeys, useTestProfiles } from "@/components/preview/audience-queries";
import { describeVisitor } from "@/components/preview/visitor-model";
import { getSection, sectionHref } from "@/components/shell/nav";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { DeleteTestProfileDialog } from "./delete-test-profile-dialog";

export const VIEWER_READ_ONLY =
  "Viewers can look at test profiles and preview with them, but not change them.";

export function TestProfilesView() {
  const { org, project, api, canWrite } = useConsole();
  const router = useRouter();
  const section = getSection("test-profiles");
  const query = useTestProfiles();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [deleting, setDeleting] = useState<TestProfile | null>(null);
  const base = sectionHref(org, project, "test-profiles");
  const previewHref = (p: TestProfile) =>
    `${sectionHref(org, project, "preview")}?testProfile=${encodeURIComponent(p.id)}`;

  const profiles = useMemo(() => {
    const all = query.data ?? [];
    const q = search.trim().toLowerCase();
    if (!q) return all;
    return all.filter((p) =>
      [p.name, p.description ?? "", p.userId ?? ""].some((t) => t.toLowerCase().includes(q)),
    );
  }, [query.data, search]);

  const duplicate = useMutation({
    mutationFn: (p: TestProfile) => {
      const names = new Set((query.data ?? []).map((x) => x.name));
      let name = `${p.name} (copy)`;
      for (let i = 2; names.has(name); i++) name = `${p.name} (copy ${i})`;
      const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = p;
      return apiFetch<TestProfile>(api("/test-profiles"), { method: "POST", body: { ...rest, name } });
    },
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: audienceKeys.testProfiles(org, project) });
      toast.success(`Created “${created.name}”`);
      router.push(`${base}/${encodeURIComponent(created.id)}`);
    },
    onError: (error) => toastError("Could not duplicate the test profile", error),
  });

  const createButton = (
    <GuardedButton allowed={canWrite} reason={VIEWER_READ_ONLY} asChild={canWrite}>
      {canWrite ? (
        <Link href={`${base}/new`}>
          <Plus aria-hidden="true" />
          New test profile
        </Link>
      ) : (
        <>
          <Plus aria-hidden="true" />
          New test profile
        </>
      )}
    </GuardedButton>
  );

  const all = query.data ?? [];
  return (
    <>
      <PageHeader title={section.title} description={section.description} actions={createButton} />

      {query.isPending ? (
        <TableSkeleton rows={3} columns={4} label="Loading test profiles" />
      ) : query.isError ? (
        <QueryError
          title="Could not load the test profiles"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : all.length === 0 ? (
        <EmptyState
          icon={FlaskConical}
          title="No test profiles yet"
          description={
            canWrite
              ? "A test profile is a fictional visitor (a lapsed subscriber on mobile, a new visitor from an ad) you can preview decisions with, again and again, without touching real data."
              : "A test profile is a fictional visitor to preview decisions with. You can still describe one directly in Preview."
          }
          action={
            <>
              {canWrite ? createButton : null}
              <Button asChild variant="outline">
                <Link href={sectionHref(org, project, "preview")}>
                  <ScanEye aria-hidden="true" />
                  Open preview
                </Link>
              </Button>
            </>
          }
        />
      ) : (
        <div className="grid gap-3">
          {all.length > 5 ? (
            <SearchInput
              value={search}
              onValueChange={setSearch}
              aria-label="Search test profiles"
              placeholder="Search by name, description or user id"
              className="max-w-sm"
            />
          ) : null}
          <Table aria-label="Test profiles">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Name</TableHead>
                <TableHead className="hidden md:table-cell">Visitor</TableHead>
                <TableHead className="hidden lg:table-cell">Moment</TableHead>
                <TableHead className="hidden sm:table-cell">Updated</TableHead>
                <TableHead className="w-px">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {profiles.length === 0 ? (
                <TableRow className="hover:bg-transparent">
                  <TableCell colSpan={5} className="py-8 text-center text-muted-foreground">
                    No test profile matches “{search}”.
                  </TableCell>
                </TableRow>
              ) : (
                profiles.map((p) => (
                  <TableRow key={p.id}>
                    <TableCell className="max-w-80">
                      <Link
                        href={`${base}/${encodeURIComponent(p.id)}`}
                        className="block truncate font-medium text-foreground hover:underline focus-ring rounded-sm"
                      >
                        {p.name}
                      </Link>
                      <div className="truncate text-[13px] text-muted-foreground md:hidden">
                        {describeVisitor(p)}
                      </div>
                      {p.description ? (
                        <div className="hidden truncate text-[13px] text-muted-foreground md:block">
                          {p.description}
                        </div>
                      ) : null}
                    </TableCell>
                    <TableCell className="hidden max-w-72 truncate text-[13px] text-muted-foreground md:table-cell">
                      {describeVisitor(p)}
                    </TableCell>
                    <TableCell className="hidden text-[13px] lg:table-cell">
                      {p.instant ? (
                        <DateTime iso={p.instant} />
                      ) : (
                        <span className="text-muted-foreground">Now</span>
                      )}
                    </TableCell>
                    <TableCell className="hidden text-[13px] sm:table-cell">
                      <RelativeTime iso={p.updatedAt} />
                    </TableCell>
                    <TableCell className="text-right">
                      <div className="flex items-center justify-end gap-1">
                        <Button asChild variant="outline" size="sm">
                          <Link href={previewHref(p)} aria-label={`Preview with ${p.name}`}>
                            <ScanEye aria-hidden="true" />
                            <span className="hidden sm:inline">Preview</span>
                          </Link>
                        </Button>
                        <DropdownMenu>
                          <DropdownMenuTrigger asChild>
                            <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${p.name}`}>
                              <MoreHorizontal aria-hidden="true" />
                            </Button>
                          </DropdownMenuTrigger>
                          <DropdownMenuContent align="end">
                            <DropdownMenuItem
                              onSelect={() => router.push(`${base}/${encodeURIComponent(p.id)}`)}
                            >
                              <Pencil aria-hidden="true" />
                              {canWrite ? "Edit" : "View"}
                            </DropdownMenuItem>
                            {canWrite ? (
                              <>
                                <DropdownMenuItem onSelect={() => duplicate.mutate(p)}>
                                  <Copy aria-hidden="true" />
                                  Duplicate
                                </DropdownMenuItem>
                                <DropdownMenuSeparator />
                                <DropdownMenuItem variant="destructive" onSelect={() => setDeleting(p)}>
                                  <Trash2 aria-hidden="true" />
                                  Delete
                                </DropdownMenuItem>
                              </>
                            ) : null}
                          </DropdownMenuContent>
                        </DropdownMenu>
                      </div>
                    </TableCell>
                  </TableRow>
                ))
              )}
            </TableBody>
          </Table>
          {canWrite ? null : <p className="text-[13px] text-muted-foreground">{VIEWER_READ_ONLY}</p>}
        </div>
      )}

      <DeleteTestProfileDialog profile={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}

"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, Pencil, Trash2, UsersRound } from "lucide-react";
import type { Segment } from "@/lib/schemas/segments";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import { CodeBlock } from "@/components/console/code-block";
import { useConsole } from "@/components/console/console-context";
import { DateTime } from "@/components/console/date-time";
import { QueryError } from "@/components/console/query-error";
import { audienceKeys } from "@/components/preview/audience-queries";
import { sectionHref } from "@/components/shell/nav";
import { PageHeader } from "@/components/shell/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ConditionInput } from "./condition-input";
import { DeleteSegmentDialog } from "./delete-segment-dialog";
import { MembersPanel } from "./members-panel";
import { ReferrerList } from "./referrer-list";
import { SegmentDialog } from "./segment-dialog";
import { summarizeCondition } from "./segment-model";
import { useSegmentUsage, USAGE_SCAN_LIMIT } from "./segment-usage";
import { TypeBadge, VIEWER_NOTE } from "./segments-view";

/** One segment: its members (static) or condition (rule), where it is used, and how to reference it. */
export function SegmentDetail({ segmentKey }: { segmentKey: string }) {
  const { org, project, api } = useConsole();
  const base = sectionHref(org, project, "segments");
  const query = useQuery({
    queryKey: audienceKeys.segment(org, project, segmentKey),
    queryFn: () => apiFetch<Segment>(api(`/segments/${encodeURIComponent(segmentKey)}`)),
  });

  if (query.isPending) {
    return (
      <div role="status" aria-label="Loading the segment" className="grid gap-5">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-8 w-72" />
        <Skeleton className="h-48" />
      </div>
    );
  }
  if (query.isError) {
    if (query.error instanceof ApiClientError && query.error.status === 404) {
      return (
        <EmptyState
          icon={UsersRound}
          title={`No segment “${segmentKey}”`}
          description="It may have been deleted, or its key changed."
          action={
            <Button asChild variant="outline">
              <Link href={base}>Back to segments</Link>
            </Button>
          }
        />
      );
    }
    return (
      <QueryError
        title="Could not load the segment"
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
  }
  return <Detail segment={query.data} />;
}

function Detail({ segment }: { segment: Segment }) {
  const { org, project, canWrite, api } = useConsole();
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const { usage, loading, failed, complete } = useSegmentUsage();
  const base = sectionHref(org, project, "segments");
  const used = usage.get(segment.key);
  const referrers = [...(used?.experiences ?? []), ...(used?.segments ?? [])];
  const origin = typeof window === "undefined" ? "" : window.location.origin;

  return (
    <div className="grid gap-5">
      <div>
        <Link
          href={base}
          className="inline-flex items-center gap-1.5 rounded-sm text-[13px] text-muted-foreground hover:text-foreground focus-ring"
        >
          <ArrowLeft aria-hidden="true" className="size-3.5" />
          Segments
        </Link>
      </div>
      <PageHeader
        className="mb-0"
        title={
          <span className="flex flex-wrap items-center gap-2.5">
            {segment.name}
            <TypeBadge segment={segment} />
          </span>
        }
        description={segment.description ?? undefined}
        actions={
          canWrite ? (
            <>
              <Button variant="outline" onClick={() => setEditing(true)}>
                <Pencil aria-hidden="true" />
                Edit
              </Button>
              <Button variant="ghost" onClick={() => setDeleting(true)}>
                <Trash2 aria-hidden="true" />
                Delete
              </Button>
            </>
          ) : null
        }
      />
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-[13px]">
        <div className="flex gap-1.5">
          <dt className="text-muted-foreground">Key</dt>
          <dd>
            <code className="font-mono">{segment.key}</code>
          </dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-muted-foreground">In a condition</dt>
          <dd>
            <code className="font-mono">{`{"$segment": "${segment.key}"}`}</code>
          </dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-muted-foreground">Updated</dt>
          <dd>
            <DateTime iso={segment.updatedAt} />
          </dd>
        </div>
      </dl>

      {canWrite ? null : (
        <Alert variant="neutral">
          <AlertDescription>{VIEWER_NOTE}</AlertDescription>
        </Alert>
      )}

      <div className="grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        {segment.type === "static" ? (
          <Card className="min-w-0">
            <CardHeader>
              <CardTitle>Members</CardTitle>
              <CardDescription>
                <span
                  className="text-2xl font-semibold text-foreground tabular-nums"
                  data-testid="segment-member-count"
                >
                  {(segment.memberCount ?? 0).toLocaleString()}
                </span>{" "}
                user id{segment.memberCount === 1 ? "" : "s"}. A visitor is in the segment when their user id
                is on the list.
              </CardDescription>
            </CardHeader>
            <CardContent>
              {canWrite ? (
                <MembersPanel segment={segment} />
              ) : (
                <p className="text-[13px] text-muted-foreground">
                  Editors and admins can upload a CSV or add and remove ids here.
                </p>
              )}
            </CardContent>
          </Card>
        ) : (
          <Card className="min-w-0">
            <CardHeader>
              <CardTitle>Condition</CardTitle>
              <CardDescription>{summarizeCondition(segment.condition, 300)}</CardDescription>
            </CardHeader>
            <CardContent>
              <ConditionInput value={segment.condition} onChange={() => undefined} selfKey={segment.key} readOnly />
            </CardContent>
          </Card>
        )}

        <div className="grid min-w-0 content-start gap-5">
          <Card className="min-w-0">
            <CardHeader>
              <CardTitle>Used by</CardTitle>
              <CardDescription>
                Conditions that name this segment. While any does, it cannot be deleted or change its key.
              </CardDescription>
            </CardHeader>
            <CardContent className="pt-3">
              {loading ? (
                <Skeleton className="h-10" />
              ) : failed ? (
                <p className="text-[13px] text-muted-foreground">
                  Could not read the personalizations to find out.
                </p>
              ) : referrers.length === 0 ? (
                <p className="text-[13px] text-muted-foreground">
                  Not used yet. Add a Segment condition to an experience&apos;s audience
                  {complete ? "" : ` (only the first ${USAGE_SCAN_LIMIT} personalizations were checked)`}.
                </p>
              ) : (
                <ReferrerList referrers={referrers} className="grid gap-1.5" />
              )}
            </CardContent>
          </Card>
          {segment.type === "static" && canWrite ? (
            <Card className="min-w-0">
              <CardHeader>
                <CardTitle>Over the API</CardTitle>
                <CardDescription>
                  Keep the list in sync from your CRM with a key that has the manage scope.
                </CardDescription>
              </CardHeader>
              <CardContent className="pt-3">
                <CodeBlock
                  what="Command"
                  title="Upload a CSV"
                  code={`curl -X POST ${origin}${api(`/segments/${segment.key}/members`)} \\\n  -H "Authorization: Bearer $BESPOKE_KEY" \\\n  -H "Content-Type: text/csv" \\\n  --data-binary @members.csv`}
                />
              </CardContent>
            </Card>
          ) : null}
        </div>
      </div>

      <SegmentDialog
        open={editing}
        onOpenChange={setEditing}
        segment={segment}
        onSaved={(saved) => {
          if (saved.key !== segment.key) router.replace(`${base}/${encodeURIComponent(saved.key)}`);
        }}
      />
      <DeleteSegmentDialog
        segment={deleting ? segment : null}
        onClose={() => setDeleting(false)}
        onDeleted={() => router.push(base)}
      />
    </div>
  );
}

"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, FlaskConical, ScanEye, Trash2 } from "lucide-react";
import type { TestProfile } from "@/lib/schemas/test-profiles";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import { toastError } from "@/components/console/api-errors";
import { useConsole } from "@/components/console/console-context";
import { QueryError } from "@/components/console/query-error";
import { audienceKeys, useTestProfile } from "@/components/preview/audience-queries";
import { VisitorFields } from "@/components/preview/visitor-fields";
import {
  applyVisitorProblems,
  emptyVisitor,
  serverProblems,
  visitorFromTestProfile,
  visitorResolver,
  visitorToInput,
  type VisitorFormValues,
} from "@/components/preview/visitor-model";
import { sectionHref } from "@/components/shell/nav";
import { PageHeader } from "@/components/shell/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { DeleteTestProfileDialog } from "./delete-test-profile-dialog";
import { VIEWER_READ_ONLY } from "./test-profiles-view";

/** The create (`testProfileId` null) and edit page of a test profile. */
export function TestProfileEditor({ testProfileId }: { testProfileId: string | null }) {
  const { org, project, timezone } = useConsole();
  const query = useTestProfile(testProfileId);
  const base = sectionHref(org, project, "test-profiles");

  if (testProfileId !== null && query.isPending) {
    return (
      <div role="status" aria-label="Loading the test profile" className="grid gap-5">
        <Skeleton className="h-8 w-72" />
        <Skeleton className="h-40" />
        <Skeleton className="h-64" />
      </div>
    );
  }
  if (testProfileId !== null && query.isError) {
    if (query.error instanceof ApiClientError && query.error.status === 404) {
      return (
        <EmptyState
          icon={FlaskConical}
          title="This test profile does not exist"
          description="It may have been deleted. Pick another one from the list."
          action={
            <Button asChild variant="outline">
              <Link href={base}>Back to test profiles</Link>
            </Button>
          }
        />
      );
    }
    return (
      <QueryError
        title="Could not load the test profile"
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
  }
  const profile = query.data ?? null;
  return (
    <EditorForm
      key={profile?.updatedAt ?? "new"}
      profile={profile}
      initial={profile ? visitorFromTestProfile(profile, timezone) : emptyVisitor()}
    />
  );
}

function EditorForm({ profile, initial }: { profile: TestProfile | null; initial: VisitorFormValues }) {
  const { org, project, api, timezone, canWrite } = useConsole();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [deleting, setDeleting] = useState(false);
  const base = sectionHref(org, project, "test-profiles");
  const form = useForm<VisitorFormValues>({
    resolver: visitorResolver(timezone, { requireName: true }),
    defaultValues: initial,
  });
  const readOnly = !canWrite;

  const save = useMutation({
    mutationFn: (values: VisitorFormValues) => {
      const { input } = visitorToInput(values, timezone);
      return profile
        ? apiFetch<TestProfile>(api(`/test-profiles/${encodeURIComponent(profile.id)}`), {
            method: "PATCH",
            body: input,
          })
        : apiFetch<TestProfile>(api("/test-profiles"), { method: "POST", body: input });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(audienceKeys.testProfile(org, project, saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: audienceKeys.testProfiles(org, project) });
      const preview = `${sectionHref(org, project, "preview")}?testProfile=${encodeURIComponent(saved.id)}`;
      toast.success(profile ? `Saved “${saved.name}”` : `Created “${saved.name}”`, {
        action: { label: "Preview", onClick: () => router.push(preview) },
      });
      if (!profile) router.push(base);
    },
    onError: (error) => {
      const problems = serverProblems(error);
      const entries = Object.entries(problems);
      applyVisitorProblems(form.setError, problems);
      if (entries.length === 0)
        toastError(profile ? "Could not save the test profile" : "Could not create the test profile", error);
      else toast.error("Some fields need a fix", { description: entries.map(([, m]) => m).join(" ") });
    },
  });

  const onSubmit = form.handleSubmit(
    async (values) => {
      await save.mutateAsync(values).catch(() => undefined);
    },
    () => toast.error("Some fields need a fix", { description: "They are marked in red." }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5 pb-20">
      <div>
        <Link
          href={base}
          className="inline-flex items-center gap-1.5 rounded-sm text-[13px] text-muted-foreground hover:text-foreground focus-ring"
        >
          <ArrowLeft aria-hidden="true" className="size-3.5" />
          Test profiles
        </Link>
      </div>
      <PageHeader
        className="mb-0"
        title={profile ? profile.name : "New test profile"}
        description={
          profile
            ? "A fictional visitor. Change what you like; Preview uses the saved version."
            : "Describe a fictional visitor once, then preview every selector with it whenever you change a personalization."
        }
        actions={
          profile ? (
            <>
              <Button asChild variant="outline">
                <Link
                  href={`${sectionHref(org, project, "preview")}?testProfile=${encodeURIComponent(profile.id)}`}
                >
                  <ScanEye aria-hidden="true" />
                  Preview with it
                </Link>
              </Button>
              {canWrite ? (
                <Button type="button" variant="ghost" onClick={() => setDeleting(true)}>
                  <Trash2 aria-hidden="true" />
                  Delete
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      {readOnly ? (
        <Alert variant="neutral">
          <AlertDescription>{VIEWER_READ_ONLY}</AlertDescription>
        </Alert>
      ) : null}

      <VisitorFields form={form} variant="saved" readOnly={readOnly} />

      {readOnly ? null : (
        <div className="sticky bottom-0 z-10 -mx-4 flex items-center justify-end gap-2 border-t bg-background/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6">
          {form.formState.isDirty ? (
            <span className="mr-auto text-[13px] text-muted-foreground">Unsaved changes</span>
          ) : null}
          <Button asChild variant="outline">
            <Link href={base}>Cancel</Link>
          </Button>
          <Button type="submit" loading={save.isPending}>
            {profile ? "Save changes" : "Create test profile"}
          </Button>
        </div>
      )}
      <DeleteTestProfileDialog
        profile={deleting ? profile : null}
        onClose={() => setDeleting(false)}
        onDeleted={() => router.push(base)}
      />
    </form>
  );
}

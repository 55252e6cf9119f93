"use client";

import Link from "next/link";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { useMutation } from "@tanstack/react-query";
import { FlaskConical, PencilLine, Play, ScanEye, UserRound } from "lucide-react";
import type { TestProfile } from "@/lib/schemas/test-profiles";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import { CopyButton } from "@/components/console/copy-button";
import { useConsole } from "@/components/console/console-context";
import { formatInZone } from "@/components/console/date-time";
import { errorMessage } from "@/components/console/api-errors";
import { useTestProfiles } from "@/components/preview/audience-queries";
import { Segmented } from "@/components/preview/segmented";
import type { PreviewRequest, PreviewResponse } from "@/components/preview/types";
import { VisitorFields } from "@/components/preview/visitor-fields";
import {
  applyVisitorProblems,
  describeVisitor,
  emptyVisitor,
  inlineVisitorOf,
  instantFromLocal,
  localFromInstant,
  nowInZone,
  serverProblems,
  visitorFromTestProfile,
  visitorResolver,
  visitorToInput,
  type VisitorFormValues,
} from "@/components/preview/visitor-model";
import { getSection, sectionHref } from "@/components/shell/nav";
import { PageHeader } from "@/components/shell/page-header";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { PreviewResults } from "./preview-results";
import { SelectionPicker, type Selection } from "./selection-picker";

/** What a deep link pre-fills (see page.tsx). */
export interface PreviewLink {
  testProfileId: string | null;
  names: string[];
  groups: string[];
  all: boolean;
  includeNotRunning: boolean;
  at: string | null;
}

type MomentMode = "profile" | "now" | "at";

export interface PreviewRun {
  response: PreviewResponse;
  visitorLabel: string;
  /** The link that reproduces this run, when the visitor is a saved test profile. */
  link: string | null;
}

export function PreviewView({ link }: { link: PreviewLink }) {
  const { org, project, api, timezone } = useConsole();
  const section = getSection("preview");
  const profiles = useTestProfiles();
  const [visitorMode, setVisitorMode] = useState<"saved" | "inline">("saved");
  const [testProfileId, setTestProfileId] = useState<string>(link.testProfileId ?? "");
  const [selection, setSelection] = useState<Selection>({
    mode: link.names.length > 0 ? "names" : link.groups.length > 0 ? "group" : "all",
    names: link.names,
    group: link.groups[0] ?? "",
  });
  const [includeNotRunning, setIncludeNotRunning] = useState(link.includeNotRunning);
  const [momentMode, setMomentMode] = useState<MomentMode>(link.at ? "at" : "profile");
  const [momentLocal, setMomentLocal] = useState(() => {
    const ms = link.at ? Date.parse(link.at) : NaN;
    return Number.isFinite(ms) ? localFromInstant(ms, timezone) : "";
  });
  const [problem, setProblem] = useState<{
    where: "visitor" | "selection" | "moment";
    message: string;
  } | null>(null);
  const [run, setRun] = useState<PreviewRun | null>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  const inlineForm = useForm<VisitorFormValues>({
    resolver: visitorResolver(timezone, { requireName: false }),
    defaultValues: emptyVisitor(),
  });

  const list = useMemo(() => profiles.data ?? [], [profiles.data]);
  const selectedProfile = list.find((p) => p.id === testProfileId) ?? null;
  // With no saved profiles, describing one is the only way.
  const effectiveMode =
    visitorMode === "saved" && profiles.isSuccess && list.length === 0 ? "inline" : visitorMode;
  const moment: MomentMode = effectiveMode === "inline" && momentMode === "profile" ? "now" : momentMode;

  const preview = useMutation({
    mutationFn: ({ body }: { body: PreviewRequest; visitorLabel: string; link: string | null }) =>
      apiFetch<PreviewResponse>(api("/preview"), { method: "POST", body }),
    onSuccess: (response, { visitorLabel, link: runLink }) => {
      setRun({ response, visitorLabel, link: runLink });
      if (runLink) window.history.replaceState(null, "", runLink);
      requestAnimationFrame(() => resultsRef.current?.scrollIntoView({ behavior: "smooth", block: "start" }));
    },
    onError: (error) => {
      const problems = serverProblems(error);
      if (effectiveMode === "inline") applyVisitorProblems(inlineForm.setError, problems);
    },
  });

  const selectionBody = (): Pick<PreviewRequest, "names" | "groups" | "all"> | string => {
    if (selection.mode === "all") return { all: true };
    if (selection.mode === "group")
      return selection.group ? { groups: [selection.group] } : "Pick a selector group.";
    return selection.names.length > 0
      ? { names: selection.names }
      : "Pick at least one personalization, or choose Everything.";
  };

  const atOf = (): string | undefined | null => {
    if (moment === "now") return new Date().toISOString();
    if (moment === "at") return instantFromLocal(momentLocal, timezone);
    return undefined;
  };

  const linkOf = (body: PreviewRequest): string | null => {
    if (!body.testProfileId) return null;
    const qs = new URLSearchParams({ testProfile: body.testProfileId });
    if (body.names) qs.set("names", body.names.join(","));
    if (body.groups) qs.set("groups", body.groups.join(","));
    if (body.all) qs.set("all", "1");
    if (body.includeNotRunning) qs.set("drafts", "1");
    if (body.at && moment === "at") qs.set("at", body.at);
    return `${sectionHref(org, project, "preview")}?${qs.toString()}`;
  };

  const start = async () => {
    setProblem(null);
    const chosen = selectionBody();
    if (typeof chosen === "string") {
      setProblem({ where: "selection", message: chosen });
      return;
    }
    const at = atOf();
    if (at === null) {
      setProblem({ where: "moment", message: "Pick a date and a time." });
      return;
    }
    const common = { ...chosen, includeNotRunning, ...(at ? { at } : {}) };
    if (effectiveMode === "saved") {
      if (!selectedProfile) {
        setProblem({ where: "visitor", message: "Pick a test profile, or describe a visitor." });
        return;
      }
      const body: PreviewRequest = { testProfileId: selectedProfile.id, ...common };
      await preview
        .mutateAsync({ body, visitorLabel: selectedProfile.name, link: linkOf(body) })
        .catch(() => undefined);
      return;
    }
    await inlineForm.handleSubmit(
      async (values) => {
        const { input } = visitorToInput({ ...values, instantMode: "now" }, timezone);
        const body: PreviewRequest = { profile: inlineVisitorOf(input), ...common };
        await preview
          .mutateAsync({ body, visitorLabel: "the visitor described above", link: null })
          .catch(() => undefined);
      },
      () =>
        setProblem({
          where: "visitor",
          message: "Some of the visitor's fields need a fix; they are marked in red.",
        }),
    )();
  };

  // A link that names a test profile runs at once: “Preview with it” should show the answer.
  const autoRan = useRef(false);
  useEffect(() => {
    if (autoRan.current || !link.testProfileId || !profiles.isSuccess) return;
    autoRan.current = true;
    const profile = profiles.data.find((p) => p.id === link.testProfileId);
    const chosen = selectionBody();
    const at = atOf();
    if (!profile || typeof chosen === "string" || at === null) return;
    const body: PreviewRequest = { testProfileId: profile.id, ...chosen, includeNotRunning, ...(at ? { at } : {}) };
    preview.mutate({ body, visitorLabel: profile.name, link: linkOf(body) });
    // Runs once, when the profiles arrive, with the values the link put in the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [profiles.isSuccess]);

  const copyFrom = (profile: TestProfile) =>
    inlineForm.reset({ ...visitorFromTestProfile(profile, timezone), name: "", description: "" });

  return (
    <>
      <PageHeader
        title={section.title}
        description="Pick a visitor and the personalizations to decide, and see what each would serve, and why, computed by the same engine as choose-api. Nothing is recorded."
        actions={
          run?.link ? (
            <CopyButton
              value={`${window.location.origin}${run.link}`}
              what="Link"
              label="Copy link"
              size="md"
            />
          ) : null
        }
      />

      <form
        className="grid gap-5"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <Panel
          step={1}
          title="Visitor"
          description="Who is visiting: a saved test profile, or one you describe here (not saved)."
        >
          <Segmented
            aria-label="Visitor"
            value={effectiveMode}
            onChange={setVisitorMode}
            options={[
              { value: "saved", label: "Saved test profile", icon: <FlaskConical aria-hidden="true" /> },
              { value: "inline", label: "Describe a visitor", icon: <PencilLine aria-hidden="true" /> },
            ]}
          />
          {effectiveMode === "saved" ? (
            profiles.isPending ? (
              <Skeleton className="h-9 max-w-md" />
            ) : profiles.isError ? (
              <Alert variant="danger">
                <AlertDescription>{errorMessage(profiles.error)}</AlertDescription>
              </Alert>
            ) : (
              <div className="grid gap-2">
                <div className="grid max-w-xl gap-2">
                  <Label htmlFor="preview-test-profile">Test profile</Label>
                  <Select value={testProfileId} onValueChange={setTestProfileId}>
                    <SelectTrigger
                      id="preview-test-profile"
                      aria-invalid={problem?.where === "visitor" || undefined}
                    >
                      <SelectValue placeholder="Pick a test profile" />
                    </SelectTrigger>
                    <SelectContent>
                      {list.map((p) => (
                        <SelectItem key={p.id} value={p.id}>
                          {p.name}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                </div>
                {selectedProfile ? (
                  <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-[13px] text-muted-foreground">
                    <span className="inline-flex items-center gap-1.5">
                      <UserRound aria-hidden="true" className="size-3.5" />
                      {describeVisitor(selectedProfile)}
                    </span>
                    <Link
                      className="font-medium text-primary underline-offset-4 hover:underline"
                      href={`${sectionHref(org, project, "test-profiles")}/${encodeURIComponent(selectedProfile.id)}`}
                    >
                      Open
                    </Link>
                  </p>
                ) : link.testProfileId && testProfileId === link.testProfileId ? (
                  <p className="text-[13px] text-danger">
                    The linked test profile does not exist any more. Pick another one.
                  </p>
                ) : null}
              </div>
            )
          ) : (
            <div className="grid gap-3">
              <div className="flex flex-wrap items-center gap-2 text-[13px] text-muted-foreground">
                {list.length > 0 ? (
                  <>
                    <span>Start from a saved one:</span>
                    <Select
                      value=""
                      onValueChange={(id) => {
                        const p = list.find((x) => x.id === id);
                        if (p) copyFrom(p);
                      }}
                    >
                      <SelectTrigger
                        size="sm"
                        className="w-auto min-w-48"
                        aria-label="Copy a test profile into the form"
                      >
                        <SelectValue placeholder="Copy a test profile…" />
                      </SelectTrigger>
                      <SelectContent>
                        {list.map((p) => (
                          <SelectItem key={p.id} value={p.id}>
                            {p.name}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                    <Button
                      type="button"
                      variant="ghost"
                      size="sm"
                      onClick={() => inlineForm.reset(emptyVisitor())}
                    >
                      Clear
                    </Button>
                  </>
                ) : (
                  <span>
                    No saved test profiles yet: describe the visitor below, or{" "}
                    <Link
                      className="font-medium text-primary underline-offset-4 hover:underline"
                      href={`${sectionHref(org, project, "test-profiles")}/new`}
                    >
                      save one
                    </Link>{" "}
                    to reuse it.
                  </span>
                )}
              </div>
              <VisitorFields form={inlineForm} variant="inline" />
            </div>
          )}
          {problem?.where === "visitor" ? (
            <p role="alert" className="text-[13px] font-medium text-danger">
              {problem.message}
            </p>
          ) : null}
        </Panel>

        <div className="grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <Panel
            step={2}
            title="Personalizations"
            description="Which API selectors to decide, as choose-api would be asked."
          >
            <SelectionPicker
              selection={selection}
              onChange={setSelection}
              includeNotRunning={includeNotRunning}
              onIncludeNotRunningChange={setIncludeNotRunning}
              error={problem?.where === "selection" ? problem.message : null}
            />
          </Panel>
          <Panel
            step={3}
            title="Moment"
            description={`When the visit happens, for schedules and event windows (${timezone}).`}
          >
            <div className="grid gap-3">
              <div className="grid gap-2">
                <Label htmlFor="preview-moment">Decide at</Label>
                <Select
                  value={moment}
                  onValueChange={(next) => {
                    setMomentMode(next as MomentMode);
                    if (next === "at" && momentLocal === "")
                      setMomentLocal(
                        selectedProfile?.instant
                          ? localFromInstant(Date.parse(selectedProfile.instant), timezone)
                          : nowInZone(timezone),
                      );
                  }}
                >
                  <SelectTrigger id="preview-moment">
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    {effectiveMode === "saved" ? (
                      <SelectItem value="profile">
                        The profile&apos;s moment
                        {selectedProfile
                          ? selectedProfile.instant
                            ? ` (${formatInZone(selectedProfile.instant, timezone)})`
                            : " (now)"
                          : ""}
                      </SelectItem>
                    ) : null}
                    <SelectItem value="now">Now</SelectItem>
                    <SelectItem value="at">A specific date and time</SelectItem>
                  </SelectContent>
                </Select>
              </div>
              {moment === "at" ? (
                <div className="grid gap-2">
                  <Label htmlFor="preview-at">Date and time ({timezone})</Label>
                  <Input
                    id="preview-at"
                    type="datetime-local"
                    step={60}
                    value={momentLocal}
                    onChange={(e) => setMomentLocal(e.target.value)}
                    aria-invalid={problem?.where === "moment" || undefined}
                  />
                </div>
              ) : null}
              {problem?.where === "moment" ? (
                <p role="alert" className="text-[13px] font-medium text-danger">
                  {problem.message}
                </p>
              ) : null}
            </div>
          </Panel>
        </div>

        <div className="flex flex-wrap items-center justify-end gap-3">
          <span className="text-[13px] text-muted-foreground">
            Read-only: no profile, exposure or event is recorded.
          </span>
          <Button type="submit" size="lg" loading={preview.isPending}>
            <Play aria-hidden="true" />
            Run preview
          </Button>
        </div>
      </form>

      <div ref={resultsRef} className="mt-8 scroll-mt-4">
        {preview.isError ? (
          <Alert variant="danger" className="mb-5">
            <AlertTitle>
              {preview.error instanceof ApiClientError && preview.error.status === 403
                ? "The API refused the preview"
                : "The preview failed"}
            </AlertTitle>
            <AlertDescription>{errorMessage(preview.error)}</AlertDescription>
          </Alert>
        ) : null}
        {run ? (
          <PreviewResults run={run} />
        ) : preview.isPending ? (
          <div role="status" aria-label="Deciding" className="grid gap-4">
            <Skeleton className="h-6 w-80" />
            <Skeleton className="h-56" />
          </div>
        ) : (
          <div className="flex flex-col items-center gap-2 rounded-xl border border-dashed border-border-strong bg-subtle/60 px-6 py-10 text-center">
            <ScanEye aria-hidden="true" className="size-6 text-muted-foreground" />
            <p className="text-sm font-medium">Results appear here</p>
            <p className="max-w-md text-[13px] text-muted-foreground">
              For each selector: the outcome, the payload as your server would receive it, and a trace of
              every experience&apos;s rules.
            </p>
          </div>
        )}
      </div>
    </>
  );
}

function Panel({
  step,
  title,
  description,
  children,
}: {
  step: number;
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <section
      className="grid min-w-0 content-start gap-4 rounded-xl border bg-background p-4 shadow-xs sm:p-5"
      aria-labelledby={`preview-step-${step}`}
    >
      <header className="grid gap-0.5">
        <h2
          id={`preview-step-${step}`}
          className="flex items-center gap-2 text-sm font-semibold tracking-tight"
        >
          <span className="flex size-5 items-center justify-center rounded-full bg-primary-subtle text-[11px] font-semibold text-primary-subtle-foreground tabular-nums">
            {step}
          </span>
          {title}
        </h2>
        <p className="text-[13px] text-muted-foreground">{description}</p>
      </header>
      {children}
    </section>
  );
}

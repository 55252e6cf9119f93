"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { SearchX, TriangleAlert } from "lucide-react";
import { useConsole } from "@/components/console/console-context";
import { ProblemList } from "@/components/personalizations/problem-list";
import {
  problemMessage,
  problemTarget,
  problemWhere,
  type ApiProblem,
} from "@/components/personalizations/problems";
import { usePersonalization } from "@/components/personalizations/queries";
import { revealElement } from "@/components/personalizations/reveal";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { ApiClientError } from "@/lib/client/api";
import type { Personalization } from "@/lib/schemas/personalizations";
import { DetailHeader } from "./detail-header";
import { ExperienceDialogs } from "./experience-dialogs";
import { ExperiencesTab, type ExperienceDialog } from "./experiences-tab";
import { HistoryTab } from "./history-tab";
import { MetricsTab } from "./metrics-tab";
import { ResultsTab } from "./results-tab";
import { SettingsTab } from "./settings-tab";

const TABS = ["experiences", "metrics", "settings", "results", "history"] as const;
type Tab = (typeof TABS)[number];

export function PersonalizationDetail({ id }: { id: string }) {
  const { org, project } = useConsole();
  const query = usePersonalization(id);
  const base = `/${encodeURIComponent(org)}/${encodeURIComponent(project)}/personalizations`;

  if (query.isPending) return <DetailSkeleton />;
  if (query.isError) {
    const notFound = query.error instanceof ApiClientError && query.error.status === 404;
    return notFound ? (
      <EmptyState
        icon={SearchX}
        title="Personalization not found"
        description="It may have been deleted, or the link is wrong."
        action={
          <Button asChild variant="outline">
            <Link href={base}>Back to personalizations</Link>
          </Button>
        }
      />
    ) : (
      <Alert
        variant="danger"
        action={
          <Button size="sm" variant="outline" onClick={() => void query.refetch()}>
            Retry
          </Button>
        }
      >
        The personalization could not be loaded: {query.error.message}
      </Alert>
    );
  }
  return <Detail p={query.data} />;
}

function Detail({ p }: { p: Personalization }) {
  const { canWrite } = useConsole();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const tab: Tab = TABS.find((t) => t === params.get("tab")) ?? "experiences";
  const [dialog, setDialog] = useState<ExperienceDialog | null>(null);
  const [problems, setProblems] = useState<ApiProblem[]>([]);

  const setTab = (t: Tab) => {
    const next = new URLSearchParams(params.toString());
    if (t === "experiences") next.delete("tab");
    else next.set("tab", t);
    const qs = next.toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };

  /** Takes the user to where a start problem is fixed: the tab, the dialog, the field. */
  const go = (problem: ApiProblem) => {
    const t = problemTarget(problem.path);
    switch (t.area) {
      case "experiences": {
        setTab("experiences");
        const experience = problem.experienceId
          ? p.experiences.find((e) => e.id === problem.experienceId)
          : t.index !== undefined
            ? p.experiences[t.index]
            : undefined;
        if (!experience) return;
        if (t.field === "payload" || t.field === "name") {
          setDialog({ kind: "edit", experienceId: experience.id });
          revealElement(t.field === "payload" ? "edit-experience-payload" : "edit-experience-name");
        } else {
          setDialog({ kind: "configure", experienceId: experience.id, focus: t.field });
          revealElement(`configure-${t.field ?? "audience"}`);
        }
        return;
      }
      case "metrics":
        setTab("metrics");
        return revealElement(
          t.index === undefined ? "tab-metrics" : `metric-${t.index}-${t.field ?? "event"}`,
        );
      case "control":
        setTab("settings");
        return revealElement("settings-controlPercent");
      case "delivery":
        setTab("settings");
        return revealElement(`settings-${t.field}`);
      case "basics":
        setTab("settings");
        return revealElement(`settings-${t.field === "description" ? "description" : "name"}`);
      default:
        return;
    }
  };

  const needsSetup = p.experiences.filter((e) => e.status === "needs_setup").length;
  const experienceName = (i: number) => p.experiences[i]?.name;

  return (
    <>
      <DetailHeader p={p} onStartProblems={setProblems} />
      <div className="mb-5 grid gap-3 empty:hidden">
        {p.status === "running" && canWrite ? (
          <Alert variant="warning" icon={TriangleAlert}>
            <AlertTitle>Running: changes go live immediately</AlertTitle>
            <AlertDescription>
              Every save below changes what choose-api serves right away. Pause it first if you want to
              prepare several changes.
            </AlertDescription>
          </Alert>
        ) : null}
        {p.status === "archived" ? (
          <Alert variant="neutral">
            Archived: it does not serve and cannot be started again. Export it and import the file to run it
            anew.
          </Alert>
        ) : null}
        {problems.length > 0 ? (
          <ProblemList
            title={
              problems.length === 1
                ? "1 problem keeps it from starting"
                : `${problems.length} problems keep it from starting`
            }
            description="Each link takes you to where it is fixed. Start again once they are."
            problems={problems.map((problem, i) => ({
              key: `${problem.path}-${i}`,
              where: problemWhere(problem.path, experienceName),
              message: problemMessage(problem.message),
              onGo: () => go(problem),
            }))}
          />
        ) : null}
      </div>
      <Tabs value={tab} onValueChange={(v) => setTab(v as Tab)}>
        <TabsList aria-label="Personalization sections">
          <TabsTrigger value="experiences">
            Experiences
            <span className="rounded-full bg-muted px-1.5 text-xs tabular-nums">{p.experiences.length}</span>
            {needsSetup > 0 ? <span className="sr-only">({needsSetup} need setup)</span> : null}
          </TabsTrigger>
          <TabsTrigger value="metrics">
            Metrics
            <span className="rounded-full bg-muted px-1.5 text-xs tabular-nums">{p.metrics.length}</span>
          </TabsTrigger>
          <TabsTrigger value="settings">Settings</TabsTrigger>
          <TabsTrigger value="results">Results</TabsTrigger>
          <TabsTrigger value="history">History</TabsTrigger>
        </TabsList>
        <TabsContent value="experiences">
          <ExperiencesTab p={p} onOpenDialog={setDialog} />
        </TabsContent>
        <TabsContent value="metrics">
          <MetricsTab p={p} />
        </TabsContent>
        <TabsContent value="settings">
          <SettingsTab p={p} />
        </TabsContent>
        <TabsContent value="results">
          <ResultsTab p={p} />
        </TabsContent>
        <TabsContent value="history">
          <HistoryTab id={p.id} experiences={p.experiences} />
        </TabsContent>
      </Tabs>
      <ExperienceDialogs p={p} dialog={dialog} onClose={() => setDialog(null)} />
    </>
  );
}

function DetailSkeleton() {
  return (
    <div role="status" aria-label="Loading personalization">
      <Skeleton className="mb-3 h-4 w-28" />
      <Skeleton className="h-7 w-72" />
      <Skeleton className="mt-2.5 h-4 w-96 max-w-full" />
      <Skeleton className="mt-8 h-9 w-full max-w-lg" />
      <div className="mt-5 grid gap-2">
        <Skeleton className="h-20 w-full" />
        <Skeleton className="h-20 w-full" />
      </div>
    </div>
  );
}

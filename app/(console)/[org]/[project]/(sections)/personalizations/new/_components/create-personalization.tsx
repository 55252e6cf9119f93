"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { Controller, useFieldArray, useForm, useWatch, type FieldErrors } from "react-hook-form";
import { useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, LayoutTemplate, Plus, Play, Server } from "lucide-react";
import { useConsole } from "@/components/console/console-context";
import { CONTROL_RECOMMENDATION, ControlInput } from "@/components/personalizations/control-field";
import { GroupPicker } from "@/components/personalizations/group-picker";
import { parseJsonText } from "@/components/personalizations/json";
import { MetricsEditor } from "@/components/personalizations/metrics-editor";
import { ProblemList } from "@/components/personalizations/problem-list";
import {
  apiProblems,
  problemMessage,
  problemTarget,
  problemWhere,
  type ApiProblem,
} from "@/components/personalizations/problems";
import {
  keys,
  useEventNames,
  useGroups,
  usePersonalizationList,
} from "@/components/personalizations/queries";
import { revealElement } from "@/components/personalizations/reveal";
import { SaveTemplateDialog } from "@/components/personalizations/save-template-dialog";
import { deriveSelector } from "@/components/personalizations/selector";
import { TemplatePickerDialog } from "@/components/personalizations/template-picker-dialog";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import { audienceStatus } from "@/lib/engine/condition/audience";
import type { Personalization } from "@/lib/schemas/personalizations";
import {
  documentResolver,
  defaultValues,
  formPath,
  newExperience,
  newKey,
  toDocument,
  type DocumentFormValues,
} from "./document-form";
import { ExperienceCard } from "./experience-card";
import { Outline, type OutlineItem } from "./outline";

type Problems = { title: string; description?: string; items: ApiProblem[] };

/** Flattens react-hook-form's nested errors into `{ path, message }` for the problem list. */
function flattenErrors(errors: FieldErrors, prefix = ""): ApiProblem[] {
  const out: ApiProblem[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== "object") continue;
    const path = key === "root" ? prefix : prefix ? `${prefix}.${key}` : key;
    const v = value as Record<string, unknown>;
    if (typeof v.message === "string" && v.message)
      out.push({ path: path.replace(/\.?root$/, ""), message: v.message });
    for (const [k, child] of Object.entries(v)) {
      if (k === "message" || k === "type" || k === "ref" || k === "types") continue;
      if (child && typeof child === "object") out.push(...flattenErrors({ [k]: child } as FieldErrors, path));
    }
  }
  return out;
}

function sectionHeading(n: number, title: string, description: string, id: string) {
  return (
    <div className="mb-4 grid gap-1">
      <h2 id={id} className="flex items-center gap-2.5 text-base font-semibold tracking-tight">
        <span className="flex size-6 items-center justify-center rounded-full bg-primary-subtle text-xs font-semibold text-primary-subtle-foreground tabular-nums">
          {n}
        </span>
        {title}
      </h2>
      <p className="text-[13px] leading-relaxed text-muted-foreground sm:pl-8.5">{description}</p>
    </div>
  );
}

export function CreatePersonalization() {
  const { org, project, timezone, canWrite, api, role } = useConsole();
  const router = useRouter();
  const queryClient = useQueryClient();
  const base = `/${encodeURIComponent(org)}/${encodeURIComponent(project)}/personalizations`;

  const [initial] = useState<DocumentFormValues>(() => ({
    ...defaultValues,
    experiences: [newExperience(1)],
  }));
  const form = useForm<DocumentFormValues>({
    resolver: documentResolver,
    defaultValues: initial,
    mode: "onTouched",
  });
  const { errors, isSubmitting } = form.formState;
  const experiences = useFieldArray({ control: form.control, name: "experiences", keyName: "fieldKey" });
  const values = useWatch({ control: form.control });

  const [selectorEdited, setSelectorEdited] = useState(false);
  const [saved, setSaved] = useState<{ id: string; version: number } | null>(null);
  const [problems, setProblems] = useState<Problems | null>(null);
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const [templatePicker, setTemplatePicker] = useState(false);
  const [templateFor, setTemplateFor] = useState<{ index: number; payload: unknown; name: string } | null>(
    null,
  );
  const [busy, setBusy] = useState<"draft" | "start" | null>(null);
  const problemsRef = useRef<HTMLDivElement>(null);

  const groups = useGroups();
  const eventNames = useEventNames();
  const active = usePersonalizationList({});
  const archived = usePersonalizationList({ status: "archived" });
  const takenSelectors = useMemo(
    () =>
      new Map(
        [...(active.data ?? []), ...(archived.data ?? [])]
          .filter((p) => p.id !== saved?.id)
          .map((p) => [p.selector, p.name]),
      ),
    [active.data, archived.data, saved?.id],
  );

  /** The selector from the name, with -2, -3… when taken, as the server would pick it. */
  const autoSelector = (name: string) => {
    if (!name.trim()) return "";
    const base = deriveSelector(name);
    if (!takenSelectors.has(base)) return base;
    for (let n = 2; ; n++) if (!takenSelectors.has(`${base}-${n}`)) return `${base}-${n}`;
  };

  const selectorOwner = values.selector ? takenSelectors.get(values.selector) : undefined;

  // Ctrl/⌘+S saves the draft, as in every editor a power user knows. In the capture phase: the
  // payload editor (Monaco) handles the key itself, to format, and stops it there.
  const saveDraftRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        saveDraftRef.current();
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, []);

  const experienceName = (i: number) => values.experiences?.[i]?.name?.trim() || undefined;

  const go = (problem: ApiProblem) => {
    const t = problemTarget(problem.path);
    switch (t.area) {
      case "basics":
        return revealElement(`field-${t.field}`);
      case "control":
        return revealElement("field-controlPercent");
      case "delivery":
        return revealElement(`field-${t.field}`);
      case "metrics":
        return revealElement(
          t.index === undefined ? "section-metrics" : `metric-${t.index}-${t.field ?? "event"}`,
        );
      case "experiences": {
        const byId = problem.experienceId
          ? form.getValues("experiences").findIndex((e) => e.id === problem.experienceId)
          : -1;
        const index = byId >= 0 ? byId : t.index;
        if (index === undefined) return revealElement("section-experiences");
        const key = form.getValues(`experiences.${index}.key`);
        setClosed((s) => {
          const next = new Set(s);
          next.delete(key);
          return next;
        });
        return revealElement(`exp-${index}-${t.field ?? "name"}`);
      }
      default:
        return revealElement("section-basics");
    }
  };

  const showProblems = (p: Problems) => {
    setProblems(p);
    requestAnimationFrame(() => problemsRef.current?.scrollIntoView({ behavior: "smooth", block: "start" }));
  };

  const onInvalid = (errs: FieldErrors<DocumentFormValues>) => {
    const items = flattenErrors(errs as FieldErrors);
    showProblems({
      title: items.length === 1 ? "Fix this before saving" : `Fix these ${items.length} fields before saving`,
      items,
    });
  };

  /** Creates the draft, or saves over it once it exists; rows get the ids the server gave them. */
  const persist = async (formValues: DocumentFormValues): Promise<Personalization> => {
    const { document } = toDocument(formValues);
    const p = saved
      ? await apiFetch<Personalization>(api(`/personalizations/${encodeURIComponent(saved.id)}`), {
          method: "PATCH",
          body: { ...document, version: saved.version },
        })
      : await apiFetch<Personalization>(api("/personalizations"), { body: document });
    setSaved({ id: p.id, version: p.version });
    p.experiences.forEach((e, i) => form.setValue(`experiences.${i}.id`, e.id));
    p.metrics.forEach((m, i) => form.setValue(`metrics.${i}.id`, m.id));
    if (!selectorEdited || formValues.selector !== p.selector) form.setValue("selector", p.selector);
    void queryClient.invalidateQueries({ queryKey: keys.personalizations(org, project) });
    void queryClient.invalidateQueries({ queryKey: keys.groups(org, project) });
    return p;
  };

  const serverRefused = (e: unknown, what: string) => {
    const items = apiProblems(e);
    if (items.length > 0) {
      for (const item of items)
        form.setError(formPath(item.path) as "name", { type: "server", message: item.message });
      showProblems({
        title: `${what}: the server refused ${items.length === 1 ? "this field" : `these ${items.length} fields`}`,
        items,
      });
    } else if (e instanceof ApiClientError && e.code === "version_conflict") {
      showProblems({
        title: "Someone changed this draft meanwhile",
        description:
          "Open it from the personalizations list to see the latest version; your form here is unchanged.",
        items: [],
      });
    } else toast.error(what, { description: e instanceof Error ? e.message : "Try again." });
  };

  const onSaveDraft = async (formValues: DocumentFormValues) => {
    setProblems(null);
    setBusy("draft");
    try {
      const p = await persist(formValues);
      toast.success("Draft saved", {
        description: `“${p.name}” is a draft: nothing is served until you start it.`,
      });
      router.push(`${base}/${encodeURIComponent(p.id)}`);
    } catch (e) {
      serverRefused(e, "Could not save the draft");
    } finally {
      setBusy(null);
    }
  };
  const saveDraft = () => form.handleSubmit(onSaveDraft, onInvalid)();
  useEffect(() => {
    saveDraftRef.current = () => void saveDraft();
  });

  const onStart = async (formValues: DocumentFormValues) => {
    setProblems(null);
    setBusy("start");
    let p: Personalization;
    try {
      p = await persist(formValues);
    } catch (e) {
      serverRefused(e, "Could not save");
      setBusy(null);
      return;
    }
    try {
      const running = await apiFetch<Personalization>(
        api(`/personalizations/${encodeURIComponent(p.id)}/start`),
        { method: "POST", body: { version: p.version } },
      );
      toast.success(`“${running.name}” is running`, {
        description: `choose-api now serves the selector “${running.selector}”.`,
      });
      router.push(`${base}/${encodeURIComponent(running.id)}`);
    } catch (e) {
      const items = apiProblems(e);
      if (e instanceof ApiClientError && e.code === "validation_failed" && items.length > 0) {
        for (const item of items)
          form.setError(formPath(item.path) as "name", {
            type: "start",
            message: problemMessage(item.message),
          });
        showProblems({
          title:
            items.length === 1
              ? "Saved as a draft — 1 problem keeps it from starting"
              : `Saved as a draft — ${items.length} problems keep it from starting`,
          description: "Fix each one (the links take you there), then press Start again.",
          items,
        });
      } else
        toast.error("Saved as a draft, but it could not start", {
          description: e instanceof Error ? e.message : undefined,
        });
    } finally {
      setBusy(null);
    }
  };
  const start = () => form.handleSubmit(onStart, onInvalid)();

  const addFromTemplate = (t: { name: string; payload: unknown }) => {
    experiences.append(newExperience(experiences.fields.length + 1, t));
    setTemplatePicker(false);
    const index = experiences.fields.length;
    requestAnimationFrame(() => revealElement(`exp-${index}-name`));
  };

  const openSaveTemplate = (index: number) => {
    const e = form.getValues(`experiences.${index}`);
    const parsed = parseJsonText(e.payloadText);
    if (!parsed.ok) {
      toast.error("Fix the payload first", { description: `Payload ${parsed.message}` });
      return;
    }
    setTemplateFor({ index, payload: parsed.value, name: e.name.trim() || `Experience ${index + 1}` });
  };

  if (!canWrite) {
    return (
      <>
        <PageHeader title="Create personalization" />
        <Alert variant="info">
          Your role ({role}) can look at personalizations but not create them. Ask an owner or admin for the
          editor role.
        </Alert>
      </>
    );
  }

  const exps = values.experiences ?? [];
  const needsSetup = exps.filter((e) => audienceStatus(e?.audience) === "needs_setup").length;
  const primary = (values.metrics ?? []).find((m) => m?.primary);
  const outline: OutlineItem[] = [
    {
      id: "section-basics",
      label: "Name & type",
      detail: values.name?.trim() || "Not named yet",
      state: values.name?.trim() ? "done" : "todo",
      hasError: Boolean(errors.name || errors.description),
    },
    {
      id: "section-experiences",
      label: "Experiences",
      detail:
        exps.length === 0
          ? "None yet"
          : `${exps.length} · ${needsSetup === 0 ? "all ready" : needsSetup === exps.length ? "needs setup" : `${needsSetup} need setup`}`,
      state: exps.length > 0 && needsSetup === 0 ? "done" : "todo",
      hasError: Boolean(errors.experiences),
    },
    {
      id: "section-metrics",
      label: "Metrics",
      detail: primary?.event ? `Primary: ${primary.event}` : "No primary metric",
      state: primary?.event ? "done" : "todo",
      hasError: Boolean(errors.metrics),
    },
    {
      id: "section-control",
      label: "Control",
      detail: `${Number.isFinite(values.controlPercent) ? values.controlPercent : "?"}% see the original`,
      state: "done",
      hasError: Boolean(errors.controlPercent),
    },
    {
      id: "section-delivery",
      label: "Selector & groups",
      detail: values.selector || "—",
      state: values.selector ? "done" : "todo",
      hasError: Boolean(errors.selector || errors.groups),
    },
  ];

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void saveDraft();
      }}
    >
      <div className="mb-2">
        <Link
          href={base}
          className="inline-flex items-center gap-1 rounded-md text-[13px] text-muted-foreground hover:text-foreground focus-ring"
        >
          <ArrowLeft aria-hidden="true" className="size-3.5" />
          Personalizations
        </Link>
      </div>
      <PageHeader
        title={saved ? "Finish your personalization" : "Create personalization"}
        description={
          saved
            ? "Saved as a draft. Keep editing here, then start it — or save and continue later from the list."
            : "Name it, add experiences with their payload and audience, choose how success is measured, then save as a draft or start it."
        }
      />

      <div className="grid gap-8 lg:grid-cols-[13rem_minmax(0,1fr)]">
        <Outline items={outline} problemCount={problems?.items.length ?? 0} />

        <div className="grid min-w-0 gap-8">
          {problems ? (
            <div ref={problemsRef} className="scroll-mt-20">
              <ProblemList
                title={problems.title}
                description={problems.description}
                problems={problems.items.map((p, i) => ({
                  key: `${p.path}-${i}`,
                  where: problemWhere(p.path, experienceName),
                  message: problemMessage(p.message),
                  onGo: () => go(p),
                }))}
              />
            </div>
          ) : null}

          <section id="section-basics" aria-labelledby="section-basics-title" className="scroll-mt-20">
            {sectionHeading(
              1,
              "Name and type",
              "A name your team recognises. The API selector below is made from it.",
              "section-basics-title",
            )}
            <div className="grid gap-5 rounded-xl border p-4 sm:p-5">
              <FormField label="Name" error={errors.name?.message} required id="field-name">
                <Input
                  autoFocus
                  placeholder="Welcome back"
                  {...form.register("name", {
                    onChange: (e: { target: { value: string } }) => {
                      if (!selectorEdited)
                        form.setValue("selector", autoSelector(e.target.value), {
                          shouldValidate: form.formState.isSubmitted,
                        });
                    },
                  })}
                />
              </FormField>
              <fieldset className="grid gap-2">
                <legend className="mb-2 text-sm font-medium">Type</legend>
                <label className="flex cursor-default items-start gap-3 rounded-lg border border-primary/50 bg-primary-subtle/40 p-3">
                  <input
                    type="radio"
                    name="type"
                    value="server_side"
                    checked
                    readOnly
                    className="mt-1 size-4 accent-(--color-primary)"
                  />
                  <span className="grid gap-0.5">
                    <span className="inline-flex items-center gap-1.5 text-sm font-medium">
                      <Server aria-hidden="true" className="size-4 text-primary" />
                      Server-side
                    </span>
                    <span className="text-[13px] text-muted-foreground">
                      Your server calls choose-api before it renders a page and gets each visitor&apos;s JSON
                      payload.
                    </span>
                  </span>
                </label>
              </fieldset>
              <FormField
                label="Description"
                description="Optional: the goal, the hypothesis, a ticket link."
                error={errors.description?.message}
                id="field-description"
              >
                <Textarea rows={2} {...form.register("description")} />
              </FormField>
            </div>
          </section>

          <section
            id="section-experiences"
            aria-labelledby="section-experiences-title"
            className="scroll-mt-20"
          >
            <div className="flex flex-wrap items-start justify-between gap-3">
              {sectionHeading(
                2,
                "Experiences",
                "Each visitor gets the first experience, top to bottom, whose audience, display rules and schedule match. An experience is ready once its audience has a condition.",
                "section-experiences-title",
              )}
              <AddExperienceMenu
                onScratch={() => {
                  const index = experiences.fields.length;
                  experiences.append(newExperience(index + 1));
                  requestAnimationFrame(() => revealElement(`exp-${index}-name`));
                }}
                onTemplate={() => setTemplatePicker(true)}
              />
            </div>
            <div className="grid gap-3">
              {experiences.fields.length === 0 ? (
                <p className="rounded-xl border border-dashed px-4 py-8 text-center text-sm text-muted-foreground">
                  No experiences. Add one from scratch or from a template.
                </p>
              ) : null}
              {experiences.fields.map((field, index) => (
                <ExperienceCard
                  key={field.fieldKey}
                  index={index}
                  count={experiences.fields.length}
                  control={form.control}
                  errors={errors.experiences}
                  open={!closed.has(field.key)}
                  onOpenChange={(open) =>
                    setClosed((s) => {
                      const next = new Set(s);
                      if (open) next.delete(field.key);
                      else next.add(field.key);
                      return next;
                    })
                  }
                  onMove={(to) => {
                    experiences.move(index, to);
                    requestAnimationFrame(() =>
                      document
                        .getElementById(`exp-${to}`)
                        ?.scrollIntoView({ block: "nearest", behavior: "smooth" }),
                    );
                  }}
                  onRemove={() => {
                    const removed = form.getValues(`experiences.${index}`);
                    experiences.remove(index);
                    toast(`Removed “${removed.name || `Experience ${index + 1}`}”`, {
                      action: { label: "Undo", onClick: () => experiences.insert(index, removed) },
                    });
                  }}
                  onDuplicate={() => {
                    const e = form.getValues(`experiences.${index}`);
                    experiences.insert(index + 1, {
                      ...e,
                      id: undefined,
                      key: newKey(),
                      name: `${e.name} (copy)`,
                    });
                  }}
                  onSaveAsTemplate={() => openSaveTemplate(index)}
                  timezone={timezone}
                />
              ))}
              {errors.experiences?.root?.message || errors.experiences?.message ? (
                <p role="alert" className="text-[13px] font-medium text-danger">
                  {errors.experiences?.root?.message ?? errors.experiences?.message}
                </p>
              ) : null}
            </div>
          </section>

          <section id="section-metrics" aria-labelledby="section-metrics-title" className="scroll-mt-20">
            {sectionHeading(
              3,
              "Metrics",
              "How success is measured: one primary metric decides, secondary ones add context. Triggered counts whether a visitor did the event; a property's value aggregates it per visitor.",
              "section-metrics-title",
            )}
            <Controller
              control={form.control}
              name="metrics"
              render={({ field }) => (
                <MetricsEditor
                  value={field.value}
                  onChange={(rows) => {
                    field.onChange(rows);
                    if (form.formState.isSubmitted) void form.trigger("metrics");
                  }}
                  eventNames={eventNames.data}
                  errorAt={(path) => {
                    const m = errors.metrics;
                    if (!m) return undefined;
                    if (path === "") return m.root?.message ?? m.message;
                    const [i, f] = path.split(".");
                    const row = m[Number(i)] as Record<string, { message?: string } | undefined> | undefined;
                    return row?.[f]?.message;
                  }}
                />
              )}
            />
          </section>

          <section id="section-control" aria-labelledby="section-control-title" className="scroll-mt-20">
            {sectionHeading(
              4,
              "Control size",
              "A share of traffic that keeps seeing the original page, so each experience can be compared against it.",
              "section-control-title",
            )}
            <div className="rounded-xl border p-4 sm:p-5">
              <Controller
                control={form.control}
                name="controlPercent"
                render={({ field, fieldState }) => (
                  <FormField
                    label="Control"
                    description={CONTROL_RECOMMENDATION}
                    error={fieldState.error?.message}
                    id="field-controlPercent"
                  >
                    {(p) => (
                      <ControlInput
                        {...p}
                        name={field.name}
                        ref={field.ref}
                        value={field.value}
                        onBlur={field.onBlur}
                        onChange={(e) =>
                          field.onChange(e.target.value === "" ? Number.NaN : e.target.valueAsNumber)
                        }
                      />
                    )}
                  </FormField>
                )}
              />
            </div>
          </section>

          <section id="section-delivery" aria-labelledby="section-delivery-title" className="scroll-mt-20">
            {sectionHeading(
              5,
              "API selector and groups",
              "Your server asks choose-api for this selector, or for a group to get every running personalization in it.",
              "section-delivery-title",
            )}
            <div className="grid gap-5 rounded-xl border p-4 sm:p-5">
              <FormField
                label="API selector"
                required
                id="field-selector"
                error={errors.selector?.message}
                description={
                  <>
                    Letters, digits, “-” and “_”; unique in the project.{" "}
                    {selectorEdited ? (
                      <button
                        type="button"
                        className="font-medium text-primary underline-offset-2 hover:underline focus-ring"
                        onClick={() => {
                          setSelectorEdited(false);
                          form.setValue("selector", autoSelector(form.getValues("name")), {
                            shouldValidate: true,
                          });
                        }}
                      >
                        Make it from the name again
                      </button>
                    ) : (
                      "Made from the name until you edit it."
                    )}
                    {selectorOwner ? (
                      <span className="block text-warning-foreground">
                        Already used by “{selectorOwner}”: choose another.
                      </span>
                    ) : null}
                  </>
                }
              >
                <Input
                  className="max-w-sm font-mono"
                  autoComplete="off"
                  spellCheck={false}
                  {...form.register("selector", { onChange: () => setSelectorEdited(true) })}
                />
              </FormField>
              <Controller
                control={form.control}
                name="groups"
                render={({ field }) => (
                  <FormField
                    label="Selector groups"
                    description="Optional. A group that does not exist yet is created when you save."
                    error={errors.groups?.message ?? errors.groups?.root?.message}
                    id="field-groups"
                  >
                    {(p) => (
                      <GroupPicker
                        id={p.id}
                        value={field.value}
                        onChange={field.onChange}
                        existing={(groups.data ?? []).map((g) => g.name)}
                        describedBy={p["aria-describedby"]}
                      />
                    )}
                  </FormField>
                )}
              />
            </div>
          </section>

          <div className="sticky bottom-0 z-10 -mx-4 flex items-center justify-end gap-2 border-t bg-background/95 px-4 py-3 backdrop-blur sm:mx-0 sm:px-0">
            <p className="mr-auto hidden text-[13px] text-muted-foreground md:block">
              {saved ? "Draft saved." : "Nothing is served until you start it."}{" "}
              <kbd className="rounded border bg-muted px-1 font-mono text-[11px]">Ctrl</kbd>+
              <kbd className="rounded border bg-muted px-1 font-mono text-[11px]">S</kbd> saves a draft.
            </p>
            <Button
              type="button"
              variant="ghost"
              className="hidden sm:inline-flex"
              onClick={() => router.push(saved ? `${base}/${encodeURIComponent(saved.id)}` : base)}
              disabled={isSubmitting}
            >
              {saved ? "Close" : "Cancel"}
            </Button>
            <Button type="submit" variant="outline" loading={busy === "draft"} disabled={busy !== null}>
              Save as draft
            </Button>
            <Button
              type="button"
              onClick={() => void start()}
              loading={busy === "start"}
              disabled={busy !== null}
            >
              {busy === "start" ? null : <Play aria-hidden="true" />}
              Start
            </Button>
          </div>
        </div>
      </div>

      <TemplatePickerDialog open={templatePicker} onOpenChange={setTemplatePicker} onPick={addFromTemplate} />
      <SaveTemplateDialog
        open={templateFor !== null}
        onOpenChange={(open) => (open ? undefined : setTemplateFor(null))}
        defaultName={templateFor?.name ?? ""}
        onSave={async ({ name, description }) => {
          await apiFetch(api("/templates"), {
            body: { name, description, payload: templateFor?.payload ?? {} },
          });
          void queryClient.invalidateQueries({ queryKey: keys.templates(org, project) });
          toast.success(`Template “${name}” saved`, { description: "New experiences can start from it." });
        }}
      />
    </form>
  );
}

function AddExperienceMenu({ onScratch, onTemplate }: { onScratch: () => void; onTemplate: () => void }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button type="button" variant="outline" size="sm">
          <Plus aria-hidden="true" />
          Add experience
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuItem onSelect={onScratch}>
          <Plus aria-hidden="true" />
          From scratch
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={onTemplate}>
          <LayoutTemplate aria-hidden="true" />
          From a template…
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

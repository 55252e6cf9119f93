"use client";

import { useState, type ReactNode } from "react";
import { Controller, useForm, useWatch, type FieldError, type Resolver } from "react-hook-form";
import { toNestErrors } from "@hookform/resolvers";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ListChecks, Sparkles } from "lucide-react";
import {
  createSegmentSchema,
  updateSegmentSchema,
  type Segment,
  type SegmentReferrer,
} from "@/lib/schemas/segments";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import { toastError } from "@/components/console/api-errors";
import { useConsole } from "@/components/console/console-context";
import { audienceKeys } from "@/components/preview/audience-queries";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { cn } from "@/lib/utils/cn";
import { ConditionInput } from "./condition-input";
import type { ConditionJson } from "@/components/audience-builder";
import { ReferrerList } from "./referrer-list";
import { cycleOf, keyFromName, referrersOf } from "./segment-model";

type FormValues = {
  type: "rule" | "static";
  name: string;
  key: string;
  description: string;
  condition: ConditionJson | null;
};
const FIELDS = ["type", "name", "key", "description", "condition"] as const;

function fieldOf(path: string): (typeof FIELDS)[number] | "root" {
  const head = path.split(".")[0] ?? "";
  return (FIELDS as readonly string[]).includes(head) ? (head as (typeof FIELDS)[number]) : "root";
}

function sentence(message: string): string {
  const m = message.length > 0 ? message[0].toUpperCase() + message.slice(1) : message;
  return /[.!?]$/.test(m) ? m : `${m}.`;
}

/** A condition error names where inside the condition it is: `$and.0.user.plan.$regex: …`. */
function messageAt(path: string, message: string): string {
  const inner = path.split(".").slice(1).join(".");
  return sentence(fieldOf(path) === "condition" && inner ? `${inner}: ${message}` : message);
}

function bodyOf(
  values: FormValues,
  segment: Segment | null,
): { body: Record<string, unknown>; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const body: Record<string, unknown> = {};
  let condition: ConditionJson | undefined;
  if (values.type === "rule") {
    if (values.condition === null || Object.keys(values.condition).length === 0)
      problems.condition = "Add at least one condition (or choose Everyone).";
    else condition = values.condition;
  }
  const description = values.description.trim() === "" ? null : values.description;
  if (segment === null) {
    Object.assign(body, { type: values.type, key: values.key.trim(), name: values.name, description });
    if (condition) body.condition = condition;
  } else {
    if (values.name !== segment.name) body.name = values.name;
    if (values.key.trim() !== segment.key) body.key = values.key.trim();
    if (description !== segment.description) body.description = description;
    if (condition && JSON.stringify(condition) !== JSON.stringify(segment.condition))
      body.condition = condition;
  }
  return { body, problems };
}

function resolverFor(segment: Segment | null): Resolver<FormValues> {
  return async (values, _ctx, options) => {
    const { body, problems } = bodyOf(values, segment);
    const parsed =
      segment === null ? createSegmentSchema.safeParse(body) : updateSegmentSchema.safeParse(body);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join(".");
        const field = fieldOf(path);
        if (!(field in problems)) problems[field] = messageAt(path, issue.message);
      }
    }
    if (Object.keys(problems).length === 0) return { values, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const [path, message] of Object.entries(problems)) flat[path] = { type: "validate", message };
    return { values: {}, errors: toNestErrors(flat, options) };
  };
}

type SegmentDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The segment to edit; null to create one. */
  segment: Segment | null;
  /** After a create or a save. */
  onSaved?: (segment: Segment) => void;
};

export function SegmentDialog({ open, onOpenChange, segment, onSaved }: SegmentDialogProps) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(next) => (busy ? undefined : onOpenChange(next))}>
      {/* The form mounts with the dialog, so every opening starts from the segment's saved values. */}
      {open ? (
        <SegmentForm
          key={segment?.id ?? "new"}
          segment={segment}
          onOpenChange={onOpenChange}
          onSaved={onSaved}
          onBusy={setBusy}
        />
      ) : null}
    </Dialog>
  );
}

function SegmentForm({
  segment,
  onOpenChange,
  onSaved,
  onBusy,
}: Omit<SegmentDialogProps, "open"> & { onBusy: (busy: boolean) => void }) {
  const { org, project, api } = useConsole();
  const queryClient = useQueryClient();
  const [cycle, setCycle] = useState<string[] | null>(null);
  const [referrers, setReferrers] = useState<SegmentReferrer[] | null>(null);
  const [keyTouched, setKeyTouched] = useState(segment !== null);
  const form = useForm<FormValues>({
    resolver: resolverFor(segment),
    defaultValues: {
      type: segment?.type ?? "rule",
      name: segment?.name ?? "",
      key: segment?.key ?? "",
      description: segment?.description ?? "",
      condition: segment?.condition ?? null,
    },
  });
  const { errors } = form.formState;
  // The condition is an object with any keys, so its error type is a union; only the message matters.
  const conditionError = typeof errors.condition?.message === "string" ? errors.condition.message : null;
  const type = useWatch({ control: form.control, name: "type" });

  const save = useMutation({
    mutationFn: (values: FormValues) => {
      const { body } = bodyOf(values, segment);
      return segment === null
        ? apiFetch<Segment>(api("/segments"), { method: "POST", body })
        : apiFetch<Segment>(api(`/segments/${encodeURIComponent(segment.id)}`), { method: "PATCH", body });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData<Segment[]>(audienceKeys.segments(org, project), (list) =>
        list ? (segment ? list.map((s) => (s.id === saved.id ? saved : s)) : [...list, saved]) : list,
      );
      queryClient.setQueryData(audienceKeys.segment(org, project, saved.key), saved);
      void queryClient.invalidateQueries({ queryKey: audienceKeys.segments(org, project) });
      toast.success(segment ? `Saved “${saved.name}”` : `Created segment “${saved.name}”`, {
        description: segment
          ? undefined
          : saved.type === "static"
            ? "Now add its members: upload a CSV or paste user ids."
            : `Use it in any audience as {"$segment": "${saved.key}"}.`,
      });
      onOpenChange(false);
      onSaved?.(saved);
    },
    onError: (error) => {
      setCycle(cycleOf(error));
      const refs = referrersOf(error);
      setReferrers(refs);
      if (refs) {
        form.setError("key", {
          type: "server",
          message: "Still referenced: change the conditions below first, or keep the key.",
        });
        return;
      }
      let placed = false;
      if (error instanceof ApiClientError) {
        for (const [path, message] of Object.entries(error.fieldErrors())) {
          const field = fieldOf(path);
          if (field === "root") continue;
          form.setError(
            field,
            { type: "server", message: messageAt(path, message) },
            { shouldFocus: !placed },
          );
          placed = true;
        }
      }
      if (!placed) toastError(segment ? "Could not save the segment" : "Could not create the segment", error);
    },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setCycle(null);
    setReferrers(null);
    onBusy(true);
    await save.mutateAsync(values).catch(() => undefined);
    onBusy(false);
  });

  const nameField = form.register("name", {
    onChange: (event: { target: { value: string } }) => {
      if (!keyTouched)
        form.setValue("key", keyFromName(event.target.value), { shouldValidate: form.formState.isSubmitted });
    },
  });

  return (
    <DialogContent size={type === "rule" ? "lg" : "md"}>
      <form onSubmit={onSubmit} noValidate className="grid gap-5">
        <DialogHeader>
          <DialogTitle>{segment ? `Edit “${segment.name}”` : "Create a segment"}</DialogTitle>
          <DialogDescription>
            {segment
              ? segment.type === "rule"
                ? "A rule segment: visitors are in it when its condition matches."
                : "A static segment: a list of user ids. Its members are managed on its page."
              : "A reusable audience. Any experience's audience (or another rule segment) can use it."}
          </DialogDescription>
        </DialogHeader>
        <DialogBody>
          {segment === null ? (
            <Controller
              control={form.control}
              name="type"
              render={({ field }) => (
                <div role="radiogroup" aria-label="Segment type" className="grid gap-2 sm:grid-cols-2">
                  <TypeOption
                    checked={field.value === "rule"}
                    onSelect={() => field.onChange("rule")}
                    icon={<Sparkles aria-hidden="true" className="size-4" />}
                    title="Rule"
                    description="A saved condition: attributes, events, pages, other segments. Always up to date."
                  />
                  <TypeOption
                    checked={field.value === "static"}
                    onSelect={() => field.onChange("static")}
                    icon={<ListChecks aria-hidden="true" className="size-4" />}
                    title="Static list"
                    description="User ids you upload as CSV or send over the API, e.g. an export from your CRM."
                  />
                </div>
              )}
            />
          ) : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label="Name" required error={errors.name?.message}>
              {(p) => (
                <Input {...p} autoComplete="off" autoFocus placeholder="VIP customers" {...nameField} />
              )}
            </FormField>
            <FormField
              label="Key"
              required
              error={errors.key?.message}
              description={<>How conditions name it: {`{"$segment": "…"}`}. Letters, digits, - and _.</>}
            >
              {(p) => (
                <Input
                  {...p}
                  autoComplete="off"
                  placeholder="vip-customers"
                  className="font-mono text-[13px]"
                  {...form.register("key", { onChange: () => setKeyTouched(true) })}
                />
              )}
            </FormField>
          </div>
          {referrers ? (
            <Alert variant="warning">
              <AlertTitle>The key cannot change while conditions use it</AlertTitle>
              <AlertDescription>
                <ReferrerList referrers={referrers} />
              </AlertDescription>
            </Alert>
          ) : null}
          <FormField label="Description" error={errors.description?.message}>
            {(p) => (
              <Textarea
                {...p}
                rows={2}
                placeholder="Who is in it, and where the list comes from."
                {...form.register("description")}
              />
            )}
          </FormField>
          {type === "rule" ? (
            <div className="grid gap-2" data-invalid={errors.condition ? true : undefined}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="text-sm font-medium">
                  Condition{" "}
                  <span aria-hidden="true" className="text-danger">
                    *
                  </span>
                </span>
              </div>
              <Controller
                control={form.control}
                name="condition"
                render={({ field }) => (
                  <ConditionInput
                    value={field.value}
                    onChange={field.onChange}
                    selfKey={segment?.key ?? null}
                  />
                )}
              />
              <p className="text-[13px] text-muted-foreground">
                Visitors are in the segment while this matches them: attributes, past events, the page, other
                segments.
              </p>
              {cycle ? (
                <Alert variant="danger">
                  <AlertTitle>Segments cannot refer to each other in a loop</AlertTitle>
                  <AlertDescription>
                    <span
                      className="flex flex-wrap items-center gap-1 font-mono text-[13px]"
                      aria-label={`Cycle: ${cycle.join(" then ")}`}
                    >
                      {cycle.map((key, i) => (
                        <span key={i} className="flex items-center gap-1">
                          {i > 0 ? <span aria-hidden="true">→</span> : null}
                          <span className="rounded bg-background px-1.5 py-0.5 ring-1 ring-danger-border">
                            {key}
                          </span>
                        </span>
                      ))}
                    </span>
                  </AlertDescription>
                </Alert>
              ) : null}
              {conditionError ? (
                <p role="alert" className="text-[13px] font-medium text-danger">
                  {conditionError}
                </p>
              ) : null}
            </div>
          ) : null}
        </DialogBody>
        <DialogFooter>
          <Button
            type="button"
            variant="outline"
            onClick={() => onOpenChange(false)}
            disabled={save.isPending}
          >
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {segment ? "Save changes" : "Create segment"}
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}

function TypeOption({
  checked,
  onSelect,
  icon,
  title,
  description,
}: {
  checked: boolean;
  onSelect: () => void;
  icon: ReactNode;
  title: string;
  description: string;
}) {
  return (
    <button
      type="button"
      role="radio"
      aria-checked={checked}
      onClick={onSelect}
      onKeyDown={(event) => {
        if (
          event.key === "ArrowRight" ||
          event.key === "ArrowDown" ||
          event.key === "ArrowLeft" ||
          event.key === "ArrowUp"
        ) {
          event.preventDefault();
          const sibling = (
            event.key === "ArrowRight" || event.key === "ArrowDown"
              ? event.currentTarget.nextElementSibling
              : event.currentTarget.previousElementSibling
          ) as HTMLButtonElement | null;
          sibling?.focus();
          sibling?.click();
        }
      }}
      tabIndex={checked ? 0 : -1}
      className={cn(
        "grid gap-1 rounded-lg border p-3 text-left transition-colors hover:bg-subtle focus-ring",
        checked && "border-primary/50 bg-primary-subtle/50 ring-1 ring-primary/30",
      )}
    >
      <span className="flex items-center gap-2 text-sm font-medium">
        {icon}
        {title}
      </span>
      <span className="text-[13px] leading-snug text-muted-foreground">{description}</span>
    </button>
  );
}

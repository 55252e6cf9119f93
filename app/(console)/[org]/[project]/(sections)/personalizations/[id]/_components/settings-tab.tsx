"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useConsole } from "@/components/console/console-context";
import { CONTROL_RECOMMENDATION, ControlInput } from "@/components/personalizations/control-field";
import { GroupPicker } from "@/components/personalizations/group-picker";
import { jsonEqual } from "@/components/personalizations/json";
import { useGroups, usePersonalizationCache } from "@/components/personalizations/queries";
import {
  ConflictNotice,
  ConflictPending,
  useVersionedSave,
} from "@/components/personalizations/versioned-save";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import { z } from "zod";
import {
  controlPercentSchema,
  descriptionSchema,
  groupsSchema,
  personalizationNameSchema,
  selectorSchema,
} from "@/lib/schemas/personalization-document";
import type { Personalization } from "@/lib/schemas/personalizations";

/** These fields of `PATCH …/personalizations/{id}`, with the very field schemas the API uses. */
const settingsSchema = z.object({
  name: personalizationNameSchema,
  description: descriptionSchema,
  selector: selectorSchema,
  controlPercent: controlPercentSchema,
  groups: groupsSchema,
});
type SettingsValues = z.input<typeof settingsSchema>;
type SettingsOutput = z.output<typeof settingsSchema>;
const FIELDS = ["name", "description", "selector", "controlPercent", "groups"] as const;

const settingsOf = (p: Personalization): SettingsValues => ({
  name: p.name,
  description: p.description ?? "",
  selector: p.selector,
  controlPercent: p.controlPercent,
  groups: p.groups,
});

/** Name, description, API selector, selector groups and control size: one PATCH with the version. */
export function SettingsTab({ p }: { p: Personalization }) {
  const { api, canWrite } = useConsole();
  const cache = usePersonalizationCache(p.id);
  const groups = useGroups();
  const [busy, setBusy] = useState(false);
  const form = useForm<SettingsValues, unknown, SettingsOutput>({
    resolver: zodResolver(settingsSchema),
    defaultValues: settingsOf(p),
    mode: "onTouched",
  });
  const { errors, isDirty } = form.formState;
  const versioned = useVersionedSave<SettingsValues>({
    current: p,
    pick: settingsOf,
    fetchLatest: cache.refetch,
    isPristine: () => !isDirty,
    onSync: (value) => queueMicrotask(() => form.reset(value)),
  });

  const submit = async (values: SettingsOutput, reapply = false) => {
    setBusy(true);
    const body = { ...values, description: values.description?.trim() ? values.description.trim() : null };
    try {
      const write = (version: number) =>
        apiFetch<Personalization>(api(`/personalizations/${encodeURIComponent(p.id)}`), {
          method: "PATCH",
          body: { ...body, version },
        });
      const next = reapply ? await versioned.reapply(write) : await versioned.save(write);
      cache.set(next);
      cache.invalidateGroups();
      versioned.saved(next.version, settingsOf(next));
      form.reset(settingsOf(next));
      toast.success("Settings saved", {
        description:
          p.status === "running" && next.selector !== p.selector
            ? `choose-api now answers to “${next.selector}”.`
            : undefined,
      });
    } catch (e) {
      if (e instanceof ConflictPending) return;
      if (e instanceof ApiClientError && Object.keys(e.fieldErrors()).length > 0) {
        for (const [path, message] of Object.entries(e.fieldErrors())) {
          const field = FIELDS.find((f) => path === f || path.startsWith(`${f}.`));
          form.setError(field ?? "root", { message });
        }
      } else
        toast.error("Could not save the settings", {
          description: e instanceof Error ? e.message : undefined,
        });
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (reapply: boolean) => form.handleSubmit((values) => submit(values, reapply))();

  return (
    <form
      noValidate
      id="tab-settings"
      className="grid max-w-3xl gap-6"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit(false);
      }}
    >
      {versioned.conflict ? (
        <ConflictNotice
          conflict={versioned.conflict}
          busy={busy}
          onReapply={() => void onSubmit(true)}
          onDiscard={() => {
            const latest = versioned.discard();
            if (latest) form.reset(latest);
          }}
        />
      ) : null}
      <fieldset disabled={!canWrite} className="grid gap-5 rounded-xl border p-4 sm:p-5">
        <legend className="px-1 text-sm font-semibold">General</legend>
        <FormField label="Name" error={errors.name?.message} id="settings-name" required>
          <Input {...form.register("name")} />
        </FormField>
        <FormField label="Description" error={errors.description?.message} id="settings-description">
          <Textarea rows={2} {...form.register("description")} />
        </FormField>
      </fieldset>
      <fieldset disabled={!canWrite} className="grid gap-5 rounded-xl border p-4 sm:p-5">
        <legend className="px-1 text-sm font-semibold">Delivery</legend>
        <FormField
          label="API selector"
          id="settings-selector"
          required
          error={errors.selector?.message}
          description={
            p.status === "running"
              ? "It is running: your servers ask for this name. Changing it makes choose-api answer not_found for the old one."
              : "Letters, digits, “-” and “_”; unique in the project."
          }
        >
          <Input
            className="max-w-sm font-mono"
            spellCheck={false}
            autoComplete="off"
            {...form.register("selector")}
          />
        </FormField>
        <Controller
          control={form.control}
          name="groups"
          render={({ field }) => (
            <FormField
              label="Selector groups"
              id="settings-groups"
              error={errors.groups?.message ?? errors.groups?.root?.message}
              description="Asking choose-api for a group returns every running member."
            >
              {(ctl) => (
                <GroupPicker
                  id={ctl.id}
                  describedBy={ctl["aria-describedby"]}
                  value={field.value}
                  onChange={(g) => field.onChange(g)}
                  existing={(groups.data ?? []).map((g) => g.name)}
                  readOnly={!canWrite}
                />
              )}
            </FormField>
          )}
        />
      </fieldset>
      <fieldset disabled={!canWrite} className="grid gap-5 rounded-xl border p-4 sm:p-5">
        <legend className="px-1 text-sm font-semibold">Control</legend>
        <Controller
          control={form.control}
          name="controlPercent"
          render={({ field }) => (
            <FormField
              label="Control size"
              id="settings-controlPercent"
              error={errors.controlPercent?.message}
              description={CONTROL_RECOMMENDATION}
            >
              {(ctl) => (
                <ControlInput
                  {...ctl}
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
        {p.status !== "draft" ? (
          <p className="text-[13px] text-muted-foreground">
            Visitors already assigned keep their arm; a new percentage applies to visitors not seen yet.
          </p>
        ) : null}
      </fieldset>
      {errors.root?.message ? (
        <p className="text-[13px] font-medium text-danger">{errors.root.message}</p>
      ) : null}
      {canWrite ? (
        <div className="flex items-center gap-2">
          <Button type="submit" loading={busy} disabled={!isDirty || versioned.conflict !== null}>
            Save settings
          </Button>
          <Button
            type="button"
            variant="ghost"
            disabled={!isDirty || busy}
            onClick={() => form.reset(settingsOf(p))}
          >
            Discard changes
          </Button>
          {isDirty && !jsonEqual(form.getValues(), settingsOf(p)) ? (
            <span className="text-[13px] text-muted-foreground">Unsaved changes</span>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}

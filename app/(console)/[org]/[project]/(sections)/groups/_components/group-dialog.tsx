"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { useConsole } from "@/components/console/console-context";
import { SearchInput } from "@/components/console/search-input";
import { keys, usePersonalizationList } from "@/components/personalizations/queries";
import { PersonalizationStatusBadge } from "@/components/personalizations/status-badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import {
  Dialog,
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
import { ApiClientError, apiFetch } from "@/lib/client/api";
import { createGroupSchema, type Group } from "@/lib/schemas/groups";

/** `POST …/groups` and `PATCH …/groups/{id}`, with the API's own field schemas (the name's message names the bad character). */
const groupFormSchema = z.object({
  name: createGroupSchema.shape.name,
  description: createGroupSchema.shape.description.unwrap().unwrap(),
  personalizationIds: createGroupSchema.shape.personalizationIds.unwrap(),
});
type Values = z.input<typeof groupFormSchema>;
type Output = z.output<typeof groupFormSchema>;

export function GroupDialog({
  open,
  onOpenChange,
  group,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  group: Group | null;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent size="lg">
        {open ? (
          <GroupForm key={group?.id ?? "new"} group={group} onDone={() => onOpenChange(false)} />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

function GroupForm({ group, onDone }: { group: Group | null; onDone: () => void }) {
  const { api, org, project } = useConsole();
  const queryClient = useQueryClient();
  const active = usePersonalizationList({});
  const [q, setQ] = useState("");
  const [rootError, setRootError] = useState<string | null>(null);
  // The API's own schema: the name rule's message names the offending character.
  const form = useForm<Values, unknown, Output>({
    resolver: zodResolver(groupFormSchema),
    defaultValues: {
      name: group?.name ?? "",
      description: group?.description ?? "",
      personalizationIds: group?.personalizations.map((p) => p.id) ?? [],
    },
    mode: "onChange",
  });
  const { errors, isSubmitting } = form.formState;

  // Members that are archived are not in the default list; keep them choosable.
  const candidates = [
    ...(active.data ?? []).map((p) => ({ id: p.id, name: p.name, selector: p.selector, status: p.status })),
    ...(group?.personalizations ?? []).filter((m) => !(active.data ?? []).some((p) => p.id === m.id)),
  ];
  const needle = q.trim().toLowerCase();
  const shown = candidates.filter((p) => !needle || `${p.name} ${p.selector}`.toLowerCase().includes(needle));

  const submit = form.handleSubmit(async (values) => {
    setRootError(null);
    const body = {
      name: values.name,
      description: values.description.trim() ? values.description.trim() : null,
      personalizationIds: values.personalizationIds,
    };
    try {
      const saved = group
        ? await apiFetch<Group>(api(`/groups/${encodeURIComponent(group.id)}`), { method: "PATCH", body })
        : await apiFetch<Group>(api("/groups"), { body });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.groups(org, project) }),
        queryClient.invalidateQueries({ queryKey: keys.personalizations(org, project) }),
      ]);
      toast.success(group ? `Group “${saved.name}” saved` : `Group “${saved.name}” created`, {
        description: `${saved.personalizations.length} personalization${saved.personalizations.length === 1 ? "" : "s"} in it.`,
      });
      onDone();
    } catch (e) {
      if (e instanceof ApiClientError) {
        const fields = e.fieldErrors();
        if (fields.name) form.setError("name", { message: fields.name });
        else if (Object.keys(fields).some((k) => k.startsWith("personalizationIds")))
          setRootError(Object.values(fields).join(" "));
        else if (e.status === 409) form.setError("name", { message: e.message });
        else setRootError(e.message);
      } else setRootError("Could not save the group. Try again.");
    }
  });

  return (
    <form noValidate onSubmit={submit} className="grid gap-4">
      <DialogHeader>
        <DialogTitle>{group ? `Edit the group “${group.name}”` : "New selector group"}</DialogTitle>
        <DialogDescription>
          Asking choose-api for the group returns the payload of every running personalization in it.
        </DialogDescription>
      </DialogHeader>
      <FormField
        label="Name"
        required
        id="group-name"
        error={errors.name?.message}
        description="Letters, digits, “-” and “_” (no spaces): it appears in API calls."
      >
        <Input
          className="max-w-sm font-mono"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          {...form.register("name")}
        />
      </FormField>
      <FormField label="Description" id="group-description" error={errors.description?.message}>
        <Textarea
          rows={2}
          placeholder="Where your server asks for it, e.g. the homepage hero and banner"
          {...form.register("description")}
        />
      </FormField>
      <Controller
        control={form.control}
        name="personalizationIds"
        render={({ field }) => (
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">
              Personalizations{" "}
              <span className="font-normal text-muted-foreground">({field.value.length} chosen)</span>
            </legend>
            {candidates.length > 6 ? (
              <SearchInput
                aria-label="Filter personalizations"
                placeholder="Filter"
                value={q}
                onValueChange={setQ}
                className="sm:max-w-full"
              />
            ) : null}
            <ul className="grid max-h-64 gap-0.5 overflow-y-auto rounded-lg border p-1">
              {active.isPending ? (
                <li className="px-2 py-2 text-sm text-muted-foreground">Loading…</li>
              ) : null}
              {!active.isPending && shown.length === 0 ? (
                <li className="px-2 py-2 text-sm text-muted-foreground">
                  No personalizations{needle ? " match" : " yet"}.
                </li>
              ) : null}
              {shown.map((p) => {
                const checked = field.value.includes(p.id);
                const id = `group-member-${p.id}`;
                return (
                  <li key={p.id}>
                    <label
                      htmlFor={id}
                      className="flex cursor-pointer items-center gap-3 rounded-md px-2 py-1.5 hover:bg-muted"
                    >
                      <Checkbox
                        id={id}
                        checked={checked}
                        onCheckedChange={(c) =>
                          field.onChange(
                            c === true ? [...field.value, p.id] : field.value.filter((x) => x !== p.id),
                          )
                        }
                      />
                      <span className="grid min-w-0 flex-1">
                        <span className="truncate text-sm">{p.name}</span>
                        <code className="truncate font-mono text-xs text-muted-foreground">{p.selector}</code>
                      </span>
                      <PersonalizationStatusBadge status={p.status} />
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        )}
      />
      {rootError ? <p className="text-[13px] font-medium text-danger">{rootError}</p> : null}
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={isSubmitting}>
          {group ? "Save group" : "Create group"}
        </Button>
      </DialogFooter>
    </form>
  );
}

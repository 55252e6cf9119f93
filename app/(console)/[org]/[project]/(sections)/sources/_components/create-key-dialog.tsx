"use client";

import { useEffect } from "react";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Source } from "@/lib/schemas/sources";
import { apiFetch } from "@/lib/client/api";
import { applyFieldErrors, toastError } from "@/components/console/api-errors";
import { useConsole } from "@/components/console/console-context";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
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
import { createKeyFormSchema, SCOPE_OPTIONS, updateCachedSource, type CreateKeyForm } from "./key-model";
import type { RevealedKey } from "./key-reveal-dialog";

const defaults: CreateKeyForm = { name: "", scopes: ["decide", "track"] };

export function CreateKeyDialog({
  open,
  onOpenChange,
  onCreated,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (created: RevealedKey) => void;
}) {
  const { org, project, api } = useConsole();
  const queryClient = useQueryClient();
  const form = useForm<CreateKeyForm>({
    resolver: zodResolver(createKeyFormSchema),
    defaultValues: defaults,
  });
  const { errors, isSubmitting } = form.formState;

  useEffect(() => {
    if (open) form.reset(defaults);
  }, [open, form]);

  const create = useMutation({
    mutationFn: (values: CreateKeyForm) =>
      apiFetch<{ source: Source; key: string }>(api("/sources"), { method: "POST", body: values }),
    onSuccess: (created) => {
      updateCachedSource(queryClient, org, project, created.source);
      onCreated(created);
    },
    onError: (error) => {
      if (!applyFieldErrors(error, form.setError, ["name", "scopes"]))
        toastError("Could not create the key", error);
    },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    await create.mutateAsync(values).catch(() => undefined);
  });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-5">
          <DialogHeader>
            <DialogTitle>Create an API key</DialogTitle>
            <DialogDescription>
              A key lets a server call this project&apos;s API. Give each server or environment its own, so
              you can revoke one without the others.
            </DialogDescription>
          </DialogHeader>
          <DialogBody>
            <FormField
              label="Name"
              required
              description="Where it is used, e.g. “Storefront production”."
              error={errors.name?.message}
            >
              {(p) => (
                <Input
                  {...p}
                  autoComplete="off"
                  autoFocus
                  placeholder="Storefront production"
                  {...form.register("name")}
                />
              )}
            </FormField>
            <fieldset className="grid gap-2.5" aria-describedby={errors.scopes ? "scopes-error" : undefined}>
              <legend className="mb-2 text-sm font-medium">
                Scopes{" "}
                <span aria-hidden="true" className="text-danger">
                  *
                </span>
              </legend>
              <Controller
                control={form.control}
                name="scopes"
                render={({ field }) => (
                  <div className="grid gap-2">
                    {SCOPE_OPTIONS.map((scope) => {
                      const id = `scope-${scope.value}`;
                      const checked = field.value.includes(scope.value);
                      return (
                        <label
                          key={scope.value}
                          htmlFor={id}
                          className="flex cursor-pointer items-start gap-3 rounded-lg border p-3 transition-colors hover:bg-subtle has-data-[state=checked]:border-primary/40 has-data-[state=checked]:bg-primary-subtle/40"
                        >
                          <Checkbox
                            id={id}
                            className="mt-0.5"
                            checked={checked}
                            aria-invalid={errors.scopes ? true : undefined}
                            onCheckedChange={(next) =>
                              field.onChange(
                                next === true
                                  ? SCOPE_OPTIONS.map((s) => s.value).filter(
                                      (v) => v === scope.value || field.value.includes(v),
                                    )
                                  : field.value.filter((v) => v !== scope.value),
                              )
                            }
                            onBlur={field.onBlur}
                          />
                          <span className="grid gap-0.5">
                            <span className="font-mono text-sm font-medium">{scope.label}</span>
                            <span className="text-[13px] leading-snug text-muted-foreground">
                              {scope.description}
                            </span>
                          </span>
                        </label>
                      );
                    })}
                  </div>
                )}
              />
              {errors.scopes ? (
                <p id="scopes-error" role="alert" className="text-[13px] font-medium text-danger">
                  {errors.scopes.message ?? errors.scopes.root?.message}
                </p>
              ) : null}
            </fieldset>
          </DialogBody>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={isSubmitting}>
              Create key
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

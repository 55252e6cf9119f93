"use client";

import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Source } from "@/lib/schemas/sources";
import { apiFetch } from "@/lib/client/api";
import { applyFieldErrors, toastError } from "@/components/console/api-errors";
import { useConsole } from "@/components/console/console-context";
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
import { toast } from "@/components/ui/toast";
import { renameKeyFormSchema, updateCachedSource, type RenameKeyForm } from "./key-model";

export function RenameKeyDialog({ source, onClose }: { source: Source | null; onClose: () => void }) {
  const { org, project, api } = useConsole();
  const queryClient = useQueryClient();
  const form = useForm<RenameKeyForm>({
    resolver: zodResolver(renameKeyFormSchema),
    defaultValues: { name: "" },
  });
  const { errors, isSubmitting } = form.formState;

  useEffect(() => {
    if (source) form.reset({ name: source.name });
  }, [source, form]);

  const rename = useMutation({
    mutationFn: (values: RenameKeyForm & { id: number }) =>
      apiFetch<Source>(api(`/sources/${values.id}`), { method: "PATCH", body: { name: values.name } }),
    onSuccess: (updated) => {
      updateCachedSource(queryClient, org, project, updated);
      toast.success(`Key renamed to “${updated.name}”`);
      onClose();
    },
    onError: (error) => {
      if (!applyFieldErrors(error, form.setError, ["name"])) toastError("Could not rename the key", error);
    },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    if (!source) return;
    await rename.mutateAsync({ ...values, id: source.id }).catch(() => undefined);
  });

  return (
    <Dialog open={source !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent size="sm">
        <form onSubmit={onSubmit} noValidate className="grid gap-5">
          <DialogHeader>
            <DialogTitle>Rename key</DialogTitle>
            <DialogDescription>
              The key itself does not change: servers using{" "}
              <code className="font-mono">{source?.prefix}</code> keep working.
            </DialogDescription>
          </DialogHeader>
          <DialogBody>
            <FormField label="Name" required error={errors.name?.message}>
              {(p) => <Input {...p} autoComplete="off" autoFocus {...form.register("name")} />}
            </FormField>
          </DialogBody>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={isSubmitting}>
              Save
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
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
import { ApiClientError } from "@/lib/client/api";
import { saveAsTemplateSchema } from "@/lib/schemas/templates";

type Values = z.input<typeof saveAsTemplateSchema>;

/** Name a payload as a template. `onSave` makes the call; its field errors land on the fields. */
export function SaveTemplateDialog({
  open,
  onOpenChange,
  defaultName,
  onSave,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  defaultName: string;
  onSave: (values: { name: string; description: string | null }) => Promise<void>;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent size="sm">
        {open ? (
          <SaveTemplateForm defaultName={defaultName} onSave={onSave} onDone={() => onOpenChange(false)} />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

function SaveTemplateForm({
  defaultName,
  onSave,
  onDone,
}: {
  defaultName: string;
  onSave: (v: { name: string; description: string | null }) => Promise<void>;
  onDone: () => void;
}) {
  const form = useForm<Values>({
    resolver: zodResolver(saveAsTemplateSchema),
    defaultValues: { name: defaultName, description: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await onSave({
        name: values.name.trim(),
        description: values.description?.trim() ? values.description.trim() : null,
      });
      onDone();
    } catch (e) {
      if (e instanceof ApiClientError) {
        const fields = e.fieldErrors();
        if (fields.name) form.setError("name", { message: fields.name });
        else if (e.status === 409) form.setError("name", { message: e.message });
        else form.setError("root", { message: e.message });
      } else form.setError("root", { message: "Could not save the template. Try again." });
    }
  });
  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <DialogHeader>
        <DialogTitle>Save as template</DialogTitle>
        <DialogDescription>
          The payload is saved under this name; new experiences can start from it.
        </DialogDescription>
      </DialogHeader>
      <DialogBody>
        <FormField label="Template name" error={errors.name?.message} required>
          {(p) => <Input {...p} autoFocus {...form.register("name")} />}
        </FormField>
        <FormField label="Description" error={errors.description?.message}>
          {(p) => <Textarea {...p} rows={2} placeholder="When to use it" {...form.register("description")} />}
        </FormField>
        {errors.root ? <p className="text-[13px] font-medium text-danger">{errors.root.message}</p> : null}
      </DialogBody>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={isSubmitting}>
          Save template
        </Button>
      </DialogFooter>
    </form>
  );
}

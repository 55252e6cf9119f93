"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { useConsole } from "@/components/console/console-context";
import { parseJsonText, prettyJson } from "@/components/personalizations/json";
import { keys } from "@/components/personalizations/queries";
import { PayloadField } from "@/components/personalizations/slots";
import { Button } from "@/components/ui/button";
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
import { createTemplateSchema, type Template } from "@/lib/schemas/templates";

/** JSON text → value, then the API's payload schema (64 KiB). */
const payloadText = z
  .string()
  .transform((text, ctx) => {
    const parsed = parseJsonText(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: `Payload ${parsed.message}` });
      return z.NEVER;
    }
    return parsed.value;
  })
  .pipe(createTemplateSchema.shape.payload);

/** The create/edit form, with the very field schemas `POST …/templates` parses with. */
const templateFormSchema = z.object({
  name: createTemplateSchema.shape.name,
  description: z
    .string()
    .transform((s) => (s.trim() ? s.trim() : null))
    .pipe(createTemplateSchema.shape.description.unwrap()),
  payloadText,
});
type Values = z.input<typeof templateFormSchema>;
type Output = z.output<typeof templateFormSchema>;

export function TemplateDialog({
  open,
  onOpenChange,
  template,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  template: Template | null;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent size="xl" onInteractOutside={(e) => e.preventDefault()}>
        {open ? (
          <TemplateForm key={template?.id ?? "new"} template={template} onDone={() => onOpenChange(false)} />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

function TemplateForm({ template, onDone }: { template: Template | null; onDone: () => void }) {
  const { api, org, project, canWrite } = useConsole();
  const queryClient = useQueryClient();
  const [rootError, setRootError] = useState<string | null>(null);
  const form = useForm<Values, unknown, Output>({
    resolver: zodResolver(templateFormSchema),
    defaultValues: {
      name: template?.name ?? "",
      description: template?.description ?? "",
      payloadText: prettyJson(
        template?.payload ?? { title: 'Hello, {{ attribute.user.first_name | default: "there" }}!' },
      ),
    },
    mode: "onTouched",
  });
  const { errors, isSubmitting } = form.formState;
  const readOnly = !canWrite;

  const submit = form.handleSubmit(async ({ name, description, payloadText: payload }) => {
    setRootError(null);
    try {
      const body = { name, description, payload };
      const saved = template
        ? await apiFetch<Template>(api(`/templates/${encodeURIComponent(template.id)}`), {
            method: "PATCH",
            body,
          })
        : await apiFetch<Template>(api("/templates"), { body });
      await queryClient.invalidateQueries({ queryKey: keys.templates(org, project) });
      toast.success(template ? `Template “${saved.name}” saved` : `Template “${saved.name}” created`, {
        description: template
          ? "Experiences started from it keep their own copy."
          : "New experiences can start from it.",
      });
      onDone();
    } catch (e) {
      if (e instanceof ApiClientError) {
        const fields = e.fieldErrors();
        let placed = false;
        for (const [path, message] of Object.entries(fields)) {
          if (path === "name" || path === "description") form.setError(path, { message });
          else if (path.startsWith("payload"))
            form.setError("payloadText", {
              message: path === "payload" ? message : `${path.slice(8)}: ${message}`,
            });
          else continue;
          placed = true;
        }
        if (!placed && e.status === 409) form.setError("name", { message: e.message });
        else if (!placed) setRootError(e.message);
      } else setRootError("Could not save the template. Try again.");
    }
  });

  return (
    <form
      noValidate
      onSubmit={submit}
      className="grid gap-4"
      onKeyDown={(e) => {
        if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === "s" && !readOnly) {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <DialogHeader>
        <DialogTitle>
          {readOnly ? template?.name : template ? `Edit “${template.name}”` : "New template"}
        </DialogTitle>
        <DialogDescription>
          A named JSON payload that new experiences can start from. Strings are Liquid templates, rendered per
          visitor.
        </DialogDescription>
      </DialogHeader>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Name" error={errors.name?.message} required id="template-name">
          <Input readOnly={readOnly} placeholder="Hero banner" {...form.register("name")} />
        </FormField>
        <FormField label="Description" error={errors.description?.message} id="template-description">
          <Textarea
            rows={1}
            readOnly={readOnly}
            placeholder="When to use it"
            {...form.register("description")}
          />
        </FormField>
      </div>
      <Controller
        control={form.control}
        name="payloadText"
        render={({ field, fieldState }) => (
          <div className="grid gap-2">
            <span className="text-sm font-medium">Payload</span>
            <PayloadField
              id="template-payload"
              label="Template payload"
              value={field.value}
              onChange={field.onChange}
              readOnly={readOnly}
              error={fieldState.error?.message}
              height={300}
            />
            {fieldState.error ? (
              <p role="alert" className="text-[13px] font-medium text-danger">
                {fieldState.error.message}
              </p>
            ) : null}
          </div>
        )}
      />
      {rootError ? <p className="text-[13px] font-medium text-danger">{rootError}</p> : null}
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone}>
          {readOnly ? "Close" : "Cancel"}
        </Button>
        {readOnly ? null : (
          <Button type="submit" loading={isSubmitting}>
            {template ? "Save template" : "Create template"}
          </Button>
        )}
      </DialogFooter>
    </form>
  );
}

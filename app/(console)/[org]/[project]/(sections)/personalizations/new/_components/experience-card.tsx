"use client";

import { ArrowDown, ArrowUp, ChevronDown, Copy, LayoutTemplate, MoreHorizontal, Trash2 } from "lucide-react";
import { Controller, useController, useWatch, type Control, type FieldErrors } from "react-hook-form";
import { ExperienceConfigFields } from "@/components/personalizations/experience-config-fields";
import { PayloadField } from "@/components/personalizations/slots";
import { ExperienceStatusBadge } from "@/components/personalizations/status-badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { audienceStatus } from "@/lib/engine/condition/audience";
import { cn } from "@/lib/utils/cn";
import type { DocumentFormValues } from "./document-form";

type ExperienceCardProps = {
  index: number;
  count: number;
  control: Control<DocumentFormValues>;
  errors: FieldErrors<DocumentFormValues>["experiences"];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  onDuplicate: () => void;
  onSaveAsTemplate: () => void;
  timezone: string;
};

/** One experience of the create flow: its payload, then who sees it and when, with its status. */
export function ExperienceCard({
  index,
  count,
  control,
  errors,
  open,
  onOpenChange,
  onMove,
  onRemove,
  onDuplicate,
  onSaveAsTemplate,
  timezone,
}: ExperienceCardProps) {
  const value = useWatch({ control, name: `experiences.${index}` });
  const status = audienceStatus(value?.audience);
  const err = errors?.[index];
  const hasErrors = Boolean(err && Object.keys(err).length > 0);
  const name = value?.name?.trim() || `Experience ${index + 1}`;
  const bodyId = `exp-${index}-body`;
  const audience = useController({ control, name: `experiences.${index}.audience` });
  const display = useController({ control, name: `experiences.${index}.display` });
  const schedule = useController({ control, name: `experiences.${index}.schedule` });

  return (
    <section
      id={`exp-${index}`}
      aria-label={`Experience ${index + 1}: ${name}`}
      className={cn("rounded-xl border bg-background shadow-xs", hasErrors && "border-danger-border")}
    >
      <header className="flex items-center gap-2 px-3 py-2.5 sm:px-4">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => onOpenChange(!open)}
          className="flex min-w-0 flex-1 items-center gap-2.5 rounded-md py-1 text-left focus-ring"
        >
          <ChevronDown
            aria-hidden="true"
            className={cn(
              "size-4 shrink-0 text-muted-foreground transition-transform",
              !open && "-rotate-90",
            )}
          />
          <span
            className="flex size-6 shrink-0 items-center justify-center rounded-md bg-muted text-xs font-semibold tabular-nums"
            title={`Priority ${index + 1}`}
          >
            {index + 1}
          </span>
          <span className="min-w-0 truncate text-sm font-medium">{name}</span>
          <ExperienceStatusBadge status={status} />
          {hasErrors ? (
            <span className="text-xs font-medium whitespace-nowrap text-danger">Has errors</span>
          ) : null}
        </button>
        <div className="flex shrink-0 items-center">
          <Button
            type="button"
            variant="ghost"
            size="icon-sm"
            className="hidden sm:inline-flex"
            aria-label={`Move ${name} up`}
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
          >
            <ArrowUp aria-hidden="true" />
          </Button>
          <Button
            type="button"
            variant="ghost"
            size="icon-sm"
            className="hidden sm:inline-flex"
            aria-label={`Move ${name} down`}
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
          >
            <ArrowDown aria-hidden="true" />
          </Button>
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button type="button" variant="ghost" size="icon-sm" aria-label={`Actions for ${name}`}>
                <MoreHorizontal aria-hidden="true" />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              <DropdownMenuItem disabled={index === 0} onSelect={() => onMove(index - 1)}>
                <ArrowUp aria-hidden="true" />
                Move up
              </DropdownMenuItem>
              <DropdownMenuItem disabled={index === count - 1} onSelect={() => onMove(index + 1)}>
                <ArrowDown aria-hidden="true" />
                Move down
              </DropdownMenuItem>
              <DropdownMenuItem onSelect={onDuplicate}>
                <Copy aria-hidden="true" />
                Duplicate
              </DropdownMenuItem>
              <DropdownMenuItem onSelect={onSaveAsTemplate}>
                <LayoutTemplate aria-hidden="true" />
                Save payload as template
              </DropdownMenuItem>
              <DropdownMenuSeparator />
              <DropdownMenuItem variant="destructive" onSelect={onRemove}>
                <Trash2 aria-hidden="true" />
                Remove
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
        </div>
      </header>
      {open ? (
        <div id={bodyId} className="grid gap-6 border-t px-3 py-4 sm:px-5 sm:py-5">
          <Controller
            control={control}
            name={`experiences.${index}.name`}
            render={({ field, fieldState }) => (
              <FormField
                label="Experience name"
                error={fieldState.error?.message}
                id={`exp-${index}-name`}
                className="max-w-md"
              >
                <Input {...field} placeholder={`Experience ${index + 1}`} />
              </FormField>
            )}
          />
          <div className="grid gap-2">
            <div className="flex flex-wrap items-end justify-between gap-2">
              <div className="grid gap-1">
                <h4 className="text-sm font-medium">Payload</h4>
                <p className="text-[13px] text-muted-foreground">
                  The JSON your server gets for this experience. Strings are Liquid templates:{" "}
                  <code className="font-mono text-[12px]">
                    {'{{ attribute.user.first_name | default: "there" }}'}
                  </code>
                  {value?.templateName ? <> · started from the template “{value.templateName}”</> : null}
                </p>
              </div>
              <Button type="button" variant="outline" size="sm" onClick={onSaveAsTemplate}>
                <LayoutTemplate aria-hidden="true" />
                Save as template
              </Button>
            </div>
            <Controller
              control={control}
              name={`experiences.${index}.payloadText`}
              render={({ field, fieldState }) => (
                <>
                  <PayloadField
                    id={`exp-${index}-payload`}
                    label={`Payload of ${name}`}
                    value={field.value}
                    onChange={field.onChange}
                    error={fieldState.error?.message}
                  />
                  {fieldState.error ? (
                    <p role="alert" className="text-[13px] font-medium text-danger">
                      {fieldState.error.message}
                    </p>
                  ) : null}
                </>
              )}
            />
          </div>
          <div className="grid gap-4">
            <div className="grid gap-1">
              <h4 className="text-sm font-medium">Who sees it, and when</h4>
              <p className="text-[13px] text-muted-foreground">
                The audience decides who gets it (it is ready once it has a condition, or is Everyone); display rules and the schedule decide how often and when.
              </p>
            </div>
            <ExperienceConfigFields
              idPrefix={`exp-${index}`}
              name={name}
              timezone={timezone}
              audience={{
                value: audience.field.value,
                onChange: audience.field.onChange,
                error: audience.fieldState.error?.message,
              }}
              display={{
                value: display.field.value,
                onChange: display.field.onChange,
                error: display.fieldState.error?.message,
              }}
              schedule={{
                value: schedule.field.value,
                onChange: schedule.field.onChange,
                error: schedule.fieldState.error?.message,
              }}
            />
          </div>
        </div>
      ) : null}
    </section>
  );
}

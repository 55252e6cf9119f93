"use client";

import { useId, useState, type ReactNode } from "react";
import { Controller, useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import { Braces, Plus, Rows3, Trash2 } from "lucide-react";
import { JsonEditor } from "@/components/json-editor";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { cn } from "@/lib/utils/cn";
import {
  ATTRIBUTE_TYPES,
  attributesFrom,
  attributesToObject,
  type AttributeType,
  type AttributesName,
  type VisitorFormValues,
} from "./visitor-model";

const TYPE_LABELS: Record<AttributeType, string> = {
  string: "Text",
  number: "Number",
  boolean: "True/false",
  null: "Null",
  json: "List / object (JSON)",
};

type AttributesEditorProps = {
  form: UseFormReturn<VisitorFormValues>;
  name: AttributesName;
  /** What conditions call these (`user.`, `account.`), shown before each key; empty for request attributes. */
  prefix: string;
  /** Known attribute keys (without the prefix), offered as the user types. */
  suggestions: readonly string[];
  readOnly: boolean;
};

/**
 * Attributes as typed key/value rows (text, number, true/false, null, JSON), or as one JSON object
 * in the code editor. Switching converts between the two; a row that cannot convert keeps you where
 * you are and says why.
 */
export function AttributesEditor({ form, name, prefix, suggestions, readOnly }: AttributesEditorProps) {
  const { control, register, setValue, getValues, formState } = form;
  const rows = useFieldArray({ control, name: `${name}.rows` });
  const mode = useWatch({ control, name: `${name}.mode` });
  const [switchError, setSwitchError] = useState<string | null>(null);
  const listId = useId();
  const errors = formState.errors[name];

  const toJson = () => {
    const problems: Record<string, string> = {};
    const object = attributesToObject(getValues(name), name, problems);
    const first = Object.values(problems)[0];
    if (first) {
      setSwitchError(`Fix the rows first: ${first}`);
      return;
    }
    setSwitchError(null);
    setValue(`${name}.json`, JSON.stringify(object, null, 2));
    setValue(`${name}.mode`, "json", { shouldDirty: true });
  };

  const toRows = () => {
    const text = getValues(`${name}.json`);
    let parsed: unknown;
    try {
      parsed = text.trim() === "" ? {} : JSON.parse(text);
    } catch {
      setSwitchError("The JSON cannot be read; fix it before switching to rows.");
      return;
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      setSwitchError("The JSON must be an object to show it as rows.");
      return;
    }
    setSwitchError(null);
    setValue(`${name}.rows`, attributesFrom(parsed as Record<string, unknown>).rows, { shouldDirty: true });
    setValue(`${name}.mode`, "rows", { shouldDirty: true });
  };

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div role="group" aria-label="Edit as" className="inline-flex rounded-md border bg-subtle p-0.5">
          <ModeButton
            active={mode === "rows"}
            onClick={mode === "rows" ? undefined : toRows}
            icon={<Rows3 aria-hidden="true" />}
          >
            Rows
          </ModeButton>
          <ModeButton
            active={mode === "json"}
            onClick={mode === "json" ? undefined : toJson}
            icon={<Braces aria-hidden="true" />}
          >
            JSON
          </ModeButton>
        </div>
        {mode === "rows" && !readOnly ? (
          <Button
            type="button"
            variant="outline"
            size="sm"
            onClick={() => rows.append({ key: "", type: "string", value: "" })}
          >
            <Plus aria-hidden="true" />
            Add attribute
          </Button>
        ) : null}
      </div>
      {switchError ? (
        <p role="alert" className="text-[13px] font-medium text-danger">
          {switchError}
        </p>
      ) : null}

      {mode === "json" ? (
        <Controller
          control={control}
          name={`${name}.json`}
          render={({ field, fieldState }) => (
            <div className="grid gap-1.5">
              <JsonEditor
                value={field.value}
                onChange={field.onChange}
                aria-label={`${name === "requestAttributes" ? "Request attributes" : `${prefix}* attributes`} as JSON`}
                height={180}
                readOnly={readOnly}
                invalid={Boolean(fieldState.error)}
              />
              {fieldState.error ? (
                <p role="alert" className="text-[13px] font-medium text-danger">
                  {fieldState.error.message}
                </p>
              ) : null}
            </div>
          )}
        />
      ) : rows.fields.length === 0 ? (
        <p className="rounded-lg border border-dashed px-3 py-4 text-center text-[13px] text-muted-foreground">
          No attributes. {readOnly ? null : "Add one, e.g. plan = pro or country = DE."}
        </p>
      ) : (
        <div className="grid gap-2">
          <div
            aria-hidden="true"
            className="hidden grid-cols-[minmax(0,1fr)_10rem_minmax(0,1.3fr)_2.25rem] gap-2 text-xs font-medium text-muted-foreground sm:grid"
          >
            <span>Name</span>
            <span>Type</span>
            <span>Value</span>
            <span />
          </div>
          {rows.fields.map((row, index) => {
            const rowErrors = errors?.rows?.[index];
            return (
              <div
                key={row.id}
                className="grid grid-cols-[8.5rem_minmax(0,1fr)_2.25rem] items-start gap-2 rounded-lg border p-2 sm:grid-cols-[minmax(0,1fr)_10rem_minmax(0,1.3fr)_2.25rem] sm:border-0 sm:p-0"
              >
                <div className="col-span-3 grid gap-1 sm:col-span-1">
                  <div className="flex items-center">
                    {prefix ? (
                      <span className="flex h-9 items-center rounded-l-md border border-r-0 bg-muted px-2 font-mono text-xs text-muted-foreground">
                        {prefix}
                      </span>
                    ) : null}
                    <Input
                      aria-label={`Attribute ${index + 1} name`}
                      aria-invalid={rowErrors?.key ? true : undefined}
                      placeholder="plan"
                      list={suggestions.length > 0 ? listId : undefined}
                      autoComplete="off"
                      className={cn("font-mono text-[13px]", prefix && "rounded-l-none")}
                      {...register(`${name}.rows.${index}.key`)}
                    />
                  </div>
                  {rowErrors?.key ? (
                    <p className="text-xs font-medium text-danger">{rowErrors.key.message}</p>
                  ) : null}
                </div>
                <Controller
                  control={control}
                  name={`${name}.rows.${index}.type`}
                  render={({ field }) => (
                    <Select
                      value={field.value}
                      onValueChange={(next) => {
                        field.onChange(next);
                        if (next === "boolean") setValue(`${name}.rows.${index}.value`, "true");
                        if (next === "null") setValue(`${name}.rows.${index}.value`, "");
                      }}
                      disabled={readOnly}
                    >
                      <SelectTrigger aria-label={`Attribute ${index + 1} type`}>
                        <SelectValue />
                      </SelectTrigger>
                      <SelectContent>
                        {ATTRIBUTE_TYPES.map((t) => (
                          <SelectItem key={t} value={t}>
                            {TYPE_LABELS[t]}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                  )}
                />
                <div className="grid gap-1">
                  <ValueInput
                    form={form}
                    name={name}
                    index={index}
                    invalid={Boolean(rowErrors?.value)}
                    readOnly={readOnly}
                  />
                  {rowErrors?.value ? (
                    <p className="text-xs font-medium text-danger">{rowErrors.value.message}</p>
                  ) : null}
                </div>
                {readOnly ? (
                  <span />
                ) : (
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon"
                    aria-label={`Remove attribute ${index + 1}`}
                    onClick={() => rows.remove(index)}
                  >
                    <Trash2 aria-hidden="true" />
                  </Button>
                )}
              </div>
            );
          })}
        </div>
      )}
      {errors?.message ? (
        <p role="alert" className="text-[13px] font-medium text-danger">
          {errors.message}
        </p>
      ) : null}
      {suggestions.length > 0 ? (
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      ) : null}
    </div>
  );
}

function ValueInput({
  form,
  name,
  index,
  invalid,
  readOnly,
}: {
  form: UseFormReturn<VisitorFormValues>;
  name: AttributesName;
  index: number;
  invalid: boolean;
  readOnly: boolean;
}) {
  const type = useWatch({ control: form.control, name: `${name}.rows.${index}.type` });
  const label = `Attribute ${index + 1} value`;
  if (type === "boolean") {
    return (
      <Controller
        control={form.control}
        name={`${name}.rows.${index}.value`}
        render={({ field }) => (
          <Select
            value={field.value === "false" ? "false" : "true"}
            onValueChange={field.onChange}
            disabled={readOnly}
          >
            <SelectTrigger aria-label={label}>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="true">true</SelectItem>
              <SelectItem value="false">false</SelectItem>
            </SelectContent>
          </Select>
        )}
      />
    );
  }
  if (type === "null")
    return <Input aria-label={label} value="null" disabled readOnly className="font-mono text-[13px]" />;
  return (
    <Input
      aria-label={label}
      aria-invalid={invalid || undefined}
      inputMode={type === "number" ? "decimal" : undefined}
      placeholder={type === "number" ? "42" : type === "json" ? '["a", "b"]' : "pro"}
      autoComplete="off"
      className={cn(type !== "string" && "font-mono text-[13px]")}
      {...form.register(`${name}.rows.${index}.value`)}
    />
  );
}

function ModeButton({
  active,
  onClick,
  icon,
  children,
}: {
  active: boolean;
  onClick?: () => void;
  icon: ReactNode;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-pressed={active}
      onClick={onClick}
      className={cn(
        "inline-flex h-7 items-center gap-1.5 rounded px-2.5 text-xs font-medium transition-colors focus-ring [&_svg]:size-3.5",
        active ? "bg-background text-foreground shadow-xs" : "text-muted-foreground hover:text-foreground",
      )}
    >
      {icon}
      {children}
    </button>
  );
}

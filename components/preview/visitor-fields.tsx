"use client";

import Link from "next/link";
import { useId, useMemo, type ReactNode } from "react";
import { Controller, useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import { Plus, Trash2 } from "lucide-react";
import { useConsole } from "@/components/console/console-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/utils/cn";
import { AttributesEditor } from "./attributes-editor";
import { useCatalogAttributes, useCatalogEvents, useSegments } from "./audience-queries";
import { emptyEvent, nowInZone, type AttributesName, type VisitorFormValues } from "./visitor-model";

type VisitorFieldsProps = {
  form: UseFormReturn<VisitorFormValues>;
  /** `saved`: a test profile with a name and description; `inline`: a visitor typed for one preview. */
  variant: "saved" | "inline";
  readOnly?: boolean;
};

/**
 * Every field of a fictional visitor (SPEC §1 "test profile"): who they are, their attributes,
 * past events (relative to the preview instant), static segments, the simulated request and the
 * moment. Used by the test-profile page and, unsaved, by Preview.
 */
export function VisitorFields({ form, variant, readOnly = false }: VisitorFieldsProps) {
  const { register, formState } = form;
  const { errors } = formState;
  return (
    <fieldset disabled={readOnly} className="grid min-w-0 gap-5">
      <legend className="sr-only">Visitor</legend>
      <Section title="Who" description="A known user has a user id: static segments are looked up by it.">
        <div className="grid gap-4 sm:grid-cols-2">
          {variant === "saved" ? (
            <FormField
              label="Name"
              required
              error={errors.name?.message}
              description="Unique in the project, e.g. “Lapsed subscriber on mobile”."
            >
              {(p) => (
                <Input
                  {...p}
                  autoComplete="off"
                  placeholder="Lapsed subscriber on mobile"
                  {...register("name")}
                />
              )}
            </FormField>
          ) : null}
          <FormField
            label="User id"
            error={errors.userId?.message}
            description="Leave empty for an anonymous visitor."
          >
            {(p) => (
              <Input
                {...p}
                autoComplete="off"
                placeholder="u-42"
                className="font-mono text-[13px]"
                {...register("userId")}
              />
            )}
          </FormField>
          {variant === "saved" ? (
            <FormField label="Description" error={errors.description?.message} className="sm:col-span-2">
              {(p) => (
                <Textarea
                  {...p}
                  rows={2}
                  placeholder="What this visitor stands for."
                  {...register("description")}
                />
              )}
            </FormField>
          ) : null}
        </div>
      </Section>

      <AttributesSection form={form} readOnly={readOnly} />
      <EventsSection form={form} readOnly={readOnly} />
      <SegmentsSection form={form} readOnly={readOnly} />
      <RequestSection form={form} readOnly={readOnly} />
      {/* Preview has its own "at" for an inline visitor. */}
      {variant === "saved" ? <MomentSection form={form} readOnly={readOnly} /> : null}
    </fieldset>
  );
}

export function Section({
  title,
  description,
  children,
  className,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section
      className={cn("grid min-w-0 gap-4 rounded-xl border bg-background p-4 shadow-xs sm:p-5", className)}
    >
      <header className="grid gap-0.5">
        <h3 className="text-sm font-semibold tracking-tight">{title}</h3>
        {description ? <p className="text-[13px] text-muted-foreground">{description}</p> : null}
      </header>
      {children}
    </section>
  );
}

const ATTRIBUTE_TABS: { name: AttributesName; label: string; prefix: string; hint: string }[] = [
  {
    name: "attributes",
    label: "User",
    prefix: "user.",
    hint: "Profile attributes, seen by conditions as user.*: plan, country, first_name…",
  },
  {
    name: "accountAttributes",
    label: "Account",
    prefix: "account.",
    hint: "The visitor's company or account, seen as account.*.",
  },
  {
    name: "requestAttributes",
    label: "Request",
    prefix: "",
    hint: "Sent with the choose-api call (attributes), merged into the document for that call only: cart.value…",
  },
];

function AttributesSection({
  form,
  readOnly,
}: {
  form: UseFormReturn<VisitorFormValues>;
  readOnly: boolean;
}) {
  const catalog = useCatalogAttributes();
  const suggestions = useMemo(() => {
    const paths = catalog.data?.map((a) => a.path) ?? [];
    return {
      "user.": paths.filter((p) => p.startsWith("user.")).map((p) => p.slice(5)),
      "account.": paths.filter((p) => p.startsWith("account.")).map((p) => p.slice(8)),
      "": [] as string[],
    };
  }, [catalog.data]);
  const { errors } = form.formState;
  return (
    <Section title="Attributes" description="What the visitor's profile and request say about them.">
      <Tabs defaultValue="attributes" className="gap-3">
        <TabsList aria-label="Attribute kind">
          {ATTRIBUTE_TABS.map((tab) => (
            <TabsTrigger key={tab.name} value={tab.name}>
              {tab.label}
              {errors[tab.name] ? (
                <span aria-label="has errors" className="size-1.5 rounded-full bg-danger" />
              ) : null}
            </TabsTrigger>
          ))}
        </TabsList>
        {ATTRIBUTE_TABS.map((tab) => (
          <TabsContent key={tab.name} value={tab.name} className="grid gap-3">
            <p className="text-[13px] text-muted-foreground">{tab.hint}</p>
            <AttributesEditor
              form={form}
              name={tab.name}
              prefix={tab.prefix}
              suggestions={suggestions[tab.prefix as keyof typeof suggestions]}
              readOnly={readOnly}
            />
          </TabsContent>
        ))}
      </Tabs>
    </Section>
  );
}

function EventsSection({ form, readOnly }: { form: UseFormReturn<VisitorFormValues>; readOnly: boolean }) {
  const { control, register, formState } = form;
  const events = useFieldArray({ control, name: "events" });
  const catalog = useCatalogEvents();
  const listId = useId();
  const errors = formState.errors.events;
  return (
    <Section
      title="Past events"
      description="What the visitor did, counted by $event conditions. “Ago” is relative to the preview instant: 3 days, 2 hours before it."
    >
      {events.fields.length === 0 ? (
        <p className="rounded-lg border border-dashed px-3 py-4 text-center text-[13px] text-muted-foreground">
          No events: the visitor did nothing yet.
        </p>
      ) : (
        <ol className="grid gap-3" aria-label="Events">
          {events.fields.map((field, index) => {
            const e = errors?.[index];
            return (
              <li
                key={field.id}
                className="relative grid gap-3 rounded-lg border bg-subtle/50 p-3 pr-12 md:grid-cols-[minmax(0,1fr)_minmax(0,1.3fr)_auto_2.25rem] md:items-start md:pr-3"
              >
                <FormField label="Event name" required error={e?.name?.message}>
                  {(p) => (
                    <Input
                      {...p}
                      list={listId}
                      autoComplete="off"
                      placeholder="purchase"
                      className="font-mono text-[13px]"
                      {...register(`events.${index}.name`)}
                    />
                  )}
                </FormField>
                <FormField label="Properties (JSON)" error={e?.properties?.message}>
                  {(p) => (
                    <Input
                      {...p}
                      autoComplete="off"
                      placeholder='{"amount": 30}'
                      className="font-mono text-[13px]"
                      {...register(`events.${index}.properties`)}
                    />
                  )}
                </FormField>
                <fieldset className="grid gap-2">
                  <legend className="mb-2 text-sm font-medium">Ago</legend>
                  <div className="flex items-start gap-1.5">
                    {(["days", "hours", "minutes"] as const).map((unit) => (
                      <label key={unit} className="grid gap-1 text-xs text-muted-foreground">
                        <Input
                          aria-label={`${unit} ago`}
                          aria-invalid={e?.[unit] ? true : undefined}
                          inputMode="numeric"
                          placeholder="0"
                          className="h-9 w-16 text-right tabular-nums"
                          {...register(`events.${index}.${unit}`)}
                        />
                        <span aria-hidden="true">{unit}</span>
                      </label>
                    ))}
                  </div>
                  {e?.days || e?.hours || e?.minutes ? (
                    <p role="alert" className="text-xs font-medium text-danger">
                      {(e.days ?? e.hours ?? e.minutes)?.message}
                    </p>
                  ) : null}
                </fieldset>
                {readOnly ? null : (
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon"
                    className="absolute top-2 right-2 md:static md:mt-7"
                    aria-label={`Remove event ${index + 1}`}
                    onClick={() => events.remove(index)}
                  >
                    <Trash2 aria-hidden="true" />
                  </Button>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {readOnly ? null : (
        <div>
          <Button type="button" variant="outline" size="sm" onClick={() => events.append(emptyEvent())}>
            <Plus aria-hidden="true" />
            Add event
          </Button>
        </div>
      )}
      {errors?.message ? <p className="text-[13px] font-medium text-danger">{errors.message}</p> : null}
      <datalist id={listId}>
        {(catalog.data ?? []).map((ev) => (
          <option key={ev.name} value={ev.name} />
        ))}
      </datalist>
    </Section>
  );
}

function SegmentsSection({ form, readOnly }: { form: UseFormReturn<VisitorFormValues>; readOnly: boolean }) {
  const { org, project } = useConsole();
  const segments = useSegments();
  const staticSegments = useMemo(
    () => (segments.data ?? []).filter((s) => s.type === "static"),
    [segments.data],
  );
  const error = form.formState.errors.segments;
  return (
    <Section
      title="Static segments"
      description="The uploaded lists this visitor is on. Rule segments need no ticking: they are evaluated from the attributes and events."
    >
      <Controller
        control={form.control}
        name="segments"
        render={({ field }) => {
          const unknown = field.value.filter((key) => !staticSegments.some((s) => s.key === key));
          if (segments.isPending) return <Skeleton className="h-16" />;
          return (
            <div className="grid gap-2">
              {staticSegments.length === 0 ? (
                <p className="text-[13px] text-muted-foreground">
                  This project has no static segments yet.{" "}
                  <Link
                    className="font-medium text-primary underline-offset-4 hover:underline"
                    href={`/${org}/${project}/segments`}
                  >
                    Create one
                  </Link>{" "}
                  from a list of user ids.
                </p>
              ) : (
                <ul
                  className="grid max-h-60 gap-1 overflow-y-auto sm:grid-cols-2"
                  aria-label="Static segments"
                >
                  {staticSegments.map((segment) => {
                    const id = `segment-${segment.key}`;
                    const checked = field.value.includes(segment.key);
                    return (
                      <li key={segment.key}>
                        <label
                          htmlFor={id}
                          className={cn(
                            "flex cursor-pointer items-start gap-2.5 rounded-md border px-3 py-2 transition-colors hover:bg-subtle",
                            checked && "border-primary/40 bg-primary-subtle/40",
                            readOnly && "cursor-default",
                          )}
                        >
                          <Checkbox
                            id={id}
                            className="mt-0.5"
                            checked={checked}
                            disabled={readOnly}
                            onCheckedChange={(next) =>
                              field.onChange(
                                next === true
                                  ? [...field.value, segment.key]
                                  : field.value.filter((k) => k !== segment.key),
                              )
                            }
                          />
                          <span className="grid min-w-0 gap-0.5">
                            <span className="truncate text-sm font-medium">{segment.name}</span>
                            <span className="truncate font-mono text-xs text-muted-foreground">
                              {segment.key}
                            </span>
                          </span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              )}
              {unknown.length > 0 ? (
                <p className="flex flex-wrap items-center gap-1.5 text-[13px] text-muted-foreground">
                  Also listed, but not a static segment of this project:
                  {unknown.map((key) => (
                    <Badge key={key} variant="warning">
                      {key}
                      {readOnly ? null : (
                        <button
                          type="button"
                          className="ml-1 rounded focus-ring"
                          aria-label={`Remove ${key}`}
                          onClick={() => field.onChange(field.value.filter((k) => k !== key))}
                        >
                          ×
                        </button>
                      )}
                    </Badge>
                  ))}
                </p>
              ) : null}
            </div>
          );
        }}
      />
      {error?.message ? <p className="text-[13px] font-medium text-danger">{error.message}</p> : null}
    </Section>
  );
}

const DEVICE_LABELS = {
  unset: "Not set (from the user agent, else unknown)",
  mobile: "Mobile",
  desktop: "Desktop",
} as const;

function RequestSection({ form, readOnly }: { form: UseFormReturn<VisitorFormValues>; readOnly: boolean }) {
  const { register, control, formState } = form;
  const { errors } = formState;
  return (
    <Section
      title="Request"
      description="The page request the decision is made for: device, browser, page and visit."
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Controller
          control={control}
          name="device"
          render={({ field }) => (
            <FormField
              label="Device"
              error={errors.device?.message}
              description="Unset and no user agent: only “all devices” experiences match."
            >
              {(p) => (
                <Select value={field.value} onValueChange={field.onChange} disabled={readOnly}>
                  <SelectTrigger {...p} onBlur={field.onBlur}>
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    {(Object.keys(DEVICE_LABELS) as (keyof typeof DEVICE_LABELS)[]).map((d) => (
                      <SelectItem key={d} value={d}>
                        {DEVICE_LABELS[d]}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              )}
            </FormField>
          )}
        />
        <FormField
          label="Session id"
          error={errors.sessionId?.message}
          description="The visit, for “once per visit” experiences."
        >
          {(p) => (
            <Input
              {...p}
              autoComplete="off"
              placeholder="s-1"
              className="font-mono text-[13px]"
              {...register("sessionId")}
            />
          )}
        </FormField>
        <FormField label="Page URL" error={errors.url?.message} className="sm:col-span-2">
          {(p) => (
            <Input
              {...p}
              type="url"
              autoComplete="off"
              placeholder="https://shop.example/pricing?utm_source=mail"
              {...register("url")}
            />
          )}
        </FormField>
        <FormField label="Referrer" error={errors.referrer?.message}>
          {(p) => (
            <Input
              {...p}
              type="url"
              autoComplete="off"
              placeholder="https://www.google.com/"
              {...register("referrer")}
            />
          )}
        </FormField>
        <FormField label="User agent" error={errors.userAgent?.message}>
          {(p) => (
            <Input
              {...p}
              autoComplete="off"
              placeholder="Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)…"
              {...register("userAgent")}
            />
          )}
        </FormField>
      </div>
    </Section>
  );
}

function MomentSection({ form, readOnly }: { form: UseFormReturn<VisitorFormValues>; readOnly: boolean }) {
  const { timezone } = useConsole();
  const { control, register, setValue, getValues, formState } = form;
  const mode = useWatch({ control, name: "instantMode" });
  return (
    <Section
      title="Moment"
      description={`When the visit happens, for schedules and event windows. In the project's time zone, ${timezone}.`}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Controller
          control={control}
          name="instantMode"
          render={({ field }) => (
            <FormField label="Instant">
              {(p) => (
                <Select
                  value={field.value}
                  disabled={readOnly}
                  onValueChange={(next) => {
                    field.onChange(next);
                    if (next === "at" && getValues("instant") === "")
                      setValue("instant", nowInZone(timezone));
                  }}
                >
                  <SelectTrigger {...p}>
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    <SelectItem value="now">Now, whenever the preview runs</SelectItem>
                    <SelectItem value="at">A specific date and time</SelectItem>
                  </SelectContent>
                </Select>
              )}
            </FormField>
          )}
        />
        {mode === "at" ? (
          <FormField label={`Date and time (${timezone})`} required error={formState.errors.instant?.message}>
            {(p) => <Input {...p} type="datetime-local" step={60} {...register("instant")} />}
          </FormField>
        ) : null}
      </div>
    </Section>
  );
}

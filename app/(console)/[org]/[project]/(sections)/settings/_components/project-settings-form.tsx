"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { projectSettingsFormSchema, type Project } from "@/lib/schemas/projects";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import { applyFieldErrors, toastError } from "@/components/console/api-errors";
import { CodeBlock } from "@/components/console/code-block";
import { useConsole } from "@/components/console/console-context";
import { formatInZone } from "@/components/console/date-time";
import { useIsClient, useOrigin } from "@/components/console/use-client-value";
import { Skeleton } from "@/components/ui/skeleton";
import { TimeZoneSelect } from "@/components/forms/time-zone-select";
import { sectionHref } from "@/components/shell/nav";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";

type FormInput = z.input<typeof projectSettingsFormSchema>;
type FormOutput = z.output<typeof projectSettingsFormSchema>;

export function ProjectSettingsForm() {
  const { org, project, timezone, api, canAdmin } = useConsole();
  const router = useRouter();
  const queryClient = useQueryClient();
  const origin = useOrigin();
  const isClient = useIsClient();

  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(projectSettingsFormSchema),
    defaultValues: { name: project, timezone },
  });
  const { errors, isSubmitting, isDirty, dirtyFields } = form.formState;
  const [name, zone] = useWatch({ control: form.control, name: ["name", "timezone"] });

  // After a save the layout hands down the new values; make them the form's baseline.
  useEffect(() => {
    form.reset({ name: project, timezone });
  }, [project, timezone, form]);

  const onSubmit = form.handleSubmit(async (values) => {
    const body: { name?: string; timezone?: string } = {};
    if (dirtyFields.name && values.name !== project) body.name = values.name;
    if (dirtyFields.timezone && values.timezone !== timezone) body.timezone = values.timezone;
    if (Object.keys(body).length === 0) {
      form.reset(values);
      return;
    }
    try {
      const updated = await apiFetch<Project>(api(), { method: "PATCH", body });
      toast.success("Project settings saved", {
        description: body.name
          ? `The project is now “${updated.name}”; its URLs and API path changed with it.`
          : `Time zone: ${updated.timezone}.`,
      });
      void queryClient.invalidateQueries({ queryKey: ["console", org] });
      if (updated.name !== project) {
        router.replace(sectionHref(org, updated.name, "settings"));
      }
      router.refresh();
    } catch (error) {
      if (error instanceof ApiClientError && error.status === 409) {
        form.setError("name", { type: "server", message: error.message }, { shouldFocus: true });
        return;
      }
      if (!applyFieldErrors(error, form.setError, ["name", "timezone"]))
        toastError("Could not save the settings", error);
    }
  });

  const renaming = typeof name === "string" && name !== project && !errors.name;
  const basePath = api();

  return (
    <div className="grid max-w-3xl gap-6">
      {canAdmin ? null : (
        <Alert variant="neutral">
          <AlertDescription>
            Only owners and admins can change project settings. You can see them.
          </AlertDescription>
        </Alert>
      )}
      <Card>
        <form onSubmit={onSubmit} noValidate>
          <CardHeader>
            <CardTitle>General</CardTitle>
            <CardDescription>
              The project&apos;s name is part of every console URL and API path.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <fieldset disabled={!canAdmin} className="grid gap-5">
              <FormField
                label="Project name"
                required
                error={errors.name?.message}
                description={
                  <>
                    Letters, digits, “-” and “_”. The API path is{" "}
                    <code className="font-mono text-[12.5px]">
                      /api/v1/{org}/projects/{typeof name === "string" && name ? name : "…"}
                    </code>
                    .
                  </>
                }
              >
                {(p) => (
                  <Input
                    {...p}
                    autoComplete="off"
                    spellCheck={false}
                    defaultValue={project}
                    className="sm:max-w-sm"
                    {...form.register("name")}
                  />
                )}
              </FormField>
              {renaming ? (
                <Alert variant="warning">
                  <AlertTitle>Renaming changes the API path</AlertTitle>
                  <AlertDescription>
                    Servers calling{" "}
                    <code className="font-mono text-[12.5px]">
                      /api/v1/{org}/projects/{project}/…
                    </code>{" "}
                    get 404 until they use the new name. API keys keep working under the new path.
                  </AlertDescription>
                </Alert>
              ) : null}
              <FormField
                label="Time zone"
                required
                error={errors.timezone?.message}
                description={
                  <>
                    Schedules (days and hours) and daily results follow this zone.
                    {zone && isClient ? (
                      <>
                        {" "}
                        It is now{" "}
                        {formatInZone(new Date().toISOString(), zone, {
                          weekday: "long",
                          hour: "numeric",
                          minute: "2-digit",
                        })}{" "}
                        there.
                      </>
                    ) : null}
                  </>
                }
              >
                {(p) =>
                  // The zone list comes from the browser's Intl data, which the server's may not match.
                  isClient ? (
                    <TimeZoneSelect {...p} className="sm:max-w-sm" {...form.register("timezone")} />
                  ) : (
                    <Skeleton className="h-9 w-full sm:max-w-sm" />
                  )
                }
              </FormField>
            </fieldset>
          </CardContent>
          {canAdmin ? (
            <CardFooter className="justify-end">
              <Button
                type="button"
                variant="outline"
                disabled={!isDirty || isSubmitting}
                onClick={() => form.reset({ name: project, timezone })}
              >
                Discard
              </Button>
              <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
                Save changes
              </Button>
            </CardFooter>
          ) : null}
        </form>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>API base URL</CardTitle>
          <CardDescription>
            Every endpoint of this project is under this URL. Servers authenticate with a key from API keys.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          <CodeBlock what="Base URL" title="Base URL" code={`${origin}${basePath}`} />
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1.5 text-sm">
            <dt className="text-muted-foreground">Organization</dt>
            <dd className="font-mono text-[13px]">{org}</dd>
            <dt className="text-muted-foreground">Project</dt>
            <dd className="font-mono text-[13px]">{project}</dd>
            <dt className="text-muted-foreground">Time zone</dt>
            <dd className="font-mono text-[13px]">{timezone}</dd>
          </dl>
        </CardContent>
      </Card>
    </div>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { browserTimeZone, TimeZoneSelect } from "@/components/forms/time-zone-select";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import { signUpSchema } from "@/lib/schemas/auth";

type Values = z.input<typeof signUpSchema>;

export function SignUpForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(signUpSchema),
    defaultValues: { name: "", email: "", password: "", organization: "", project: "", timezone: "UTC" },
  });
  const { errors, isSubmitting } = form.formState;
  useEffect(() => form.setValue("timezone", browserTimeZone()), [form]);

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      const created = await apiFetch<{ org: string; project: string }>("/api/v1/sign-up", { body: values });
      const result = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
      if (!result || result.error) throw new Error("Your account was created, but signing in failed: sign in by hand.");
      router.replace(`/${encodeURIComponent(created.org)}/${encodeURIComponent(created.project)}/personalizations`);
      router.refresh();
    } catch (e) {
      if (e instanceof ApiClientError) {
        for (const [path, message] of Object.entries(e.fieldErrors())) form.setError(path as keyof Values, { message });
        if (Object.keys(e.fieldErrors()).length === 0) setError(e.message);
      } else setError(e instanceof Error ? e.message : "Sign-up failed.");
    }
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-lg">Create your Bespoke workspace</CardTitle>
        <CardDescription>You are the first person here: you become the owner of a new organization and its first project.</CardDescription>
      </CardHeader>
      <CardContent className="pb-5">
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          {error ? <Alert variant="danger">{error}</Alert> : null}
          <FormField label="Your name" error={errors.name?.message}>
            {(p) => <Input {...p} autoComplete="name" {...form.register("name")} />}
          </FormField>
          <FormField label="Email" error={errors.email?.message} required>
            {(p) => <Input {...p} type="email" autoComplete="email" {...form.register("email")} />}
          </FormField>
          <FormField label="Password" description="At least 10 characters." error={errors.password?.message} required>
            {(p) => <Input {...p} type="password" autoComplete="new-password" {...form.register("password")} />}
          </FormField>
          <FormField label="Organization" description="Appears in API paths: letters, digits, - and _." error={errors.organization?.message} required>
            {(p) => <Input {...p} placeholder="acme" autoComplete="organization" {...form.register("organization")} />}
          </FormField>
          <FormField label="First project" error={errors.project?.message} required>
            {(p) => <Input {...p} placeholder="web" {...form.register("project")} />}
          </FormField>
          <FormField label="Project time zone" description="Schedules are evaluated in it." error={errors.timezone?.message}>
            {(p) => <TimeZoneSelect {...p} {...form.register("timezone")} />}
          </FormField>
          <Button type="submit" variant="primary" loading={isSubmitting} className="w-full">
            Create workspace
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}

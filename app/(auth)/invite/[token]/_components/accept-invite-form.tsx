"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import { acceptInviteSchema } from "@/lib/schemas/auth";

type Info = { organization: string; email: string; role: string; accountExists: boolean };

export function AcceptInviteForm({ token, info }: { token: string; info: Info }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof acceptInviteSchema>>({ resolver: zodResolver(acceptInviteSchema), defaultValues: { name: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await apiFetch(`/api/v1/invites/${encodeURIComponent(token)}/accept`, { body: values });
      const result = await signIn("credentials", { email: info.email, password: values.password, redirect: false });
      router.replace(result?.ok ? "/" : "/sign-in");
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiClientError ? e.message : "Could not accept the invitation.");
    }
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-lg">Join {info.organization}</CardTitle>
        <CardDescription>
          {info.email} is invited as <strong>{info.role}</strong>.{" "}
          {info.accountExists ? "Enter the password of your existing account." : "Choose a password for your new account."}
        </CardDescription>
      </CardHeader>
      <CardContent className="pb-5">
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          {error ? <Alert variant="danger">{error}</Alert> : null}
          {info.accountExists ? null : (
            <FormField label="Your name" error={errors.name?.message}>
              {(p) => <Input {...p} autoComplete="name" {...form.register("name")} />}
            </FormField>
          )}
          <FormField label="Password" description={info.accountExists ? undefined : "At least 10 characters."} error={errors.password?.message} required>
            {(p) => <Input {...p} type="password" autoComplete={info.accountExists ? "current-password" : "new-password"} {...form.register("password")} />}
          </FormField>
          <Button type="submit" variant="primary" loading={isSubmitting} className="w-full">
            Join {info.organization}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}

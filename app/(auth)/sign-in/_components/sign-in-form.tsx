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
import { signInSchema } from "@/lib/schemas/auth";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  rate_limited: "Too many failed sign-ins. Wait 15 minutes, then try again.",
  no_project: "Your account is not a member of any project. Ask an owner or admin for an invite link.",
  SessionRequired: "Sign in to continue.",
};

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ? (MESSAGES[initialError] ?? "Sign-in failed. Try again.") : null);
  const form = useForm<z.input<typeof signInSchema>>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    if (!result || result.error) {
      setError(MESSAGES[result?.error ?? ""] ?? "Sign-in failed. Try again.");
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-lg">Sign in to Bespoke</CardTitle>
        <CardDescription>Use the email and password of your account.</CardDescription>
      </CardHeader>
      <CardContent className="pb-5">
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          {error ? <Alert variant="danger">{error}</Alert> : null}
          <FormField label="Email" error={errors.email?.message} required>
            {(p) => <Input {...p} type="email" autoComplete="email" autoFocus {...form.register("email")} />}
          </FormField>
          <FormField label="Password" error={errors.password?.message} required>
            {(p) => <Input {...p} type="password" autoComplete="current-password" {...form.register("password")} />}
          </FormField>
          <Button type="submit" variant="primary" loading={isSubmitting} className="w-full">
            Sign in
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/server-session";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { callbackUrl, error } = await searchParams;
  if (!error && (await currentUser())) redirect(callbackUrl?.startsWith("/") ? callbackUrl : "/");
  return <SignInForm callbackUrl={callbackUrl?.startsWith("/") ? callbackUrl : "/"} initialError={error ?? null} />;
}

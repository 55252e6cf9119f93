import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDbHandle } from "@/db/connection";
import { hasAnyUser } from "@/lib/services/users/sign-up";
import { SignUpForm } from "./_components/sign-up-form";

export const metadata: Metadata = { title: "Create your workspace" };
export const dynamic = "force-dynamic";

// Only an empty instance offers sign-up; afterwards people join by invitation.
export default async function SignUpPage() {
  if (await hasAnyUser((await getDbHandle()).db)) redirect("/sign-in");
  return <SignUpForm />;
}

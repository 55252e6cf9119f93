import { Suspense } from "react";
import type { Metadata } from "next";
import { getSection } from "@/components/shell/nav";
import { PageHeader } from "@/components/shell/page-header";
import { ProfileLookup } from "./_components/profile-lookup";

export const metadata: Metadata = { title: getSection("profiles").title };

export default function ProfilesPage() {
  const section = getSection("profiles");
  return (
    <>
      <PageHeader title={section.title} description={section.description} />
      {/* The lookup lives in the URL (?userId= or ?profileId=), read with useSearchParams. */}
      <Suspense>
        <ProfileLookup />
      </Suspense>
    </>
  );
}

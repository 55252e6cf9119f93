import type { Metadata } from "next";
import { Suspense } from "react";
import { getSection } from "@/components/shell/nav";
import { PersonalizationsList } from "./_components/personalizations-list";

export const metadata: Metadata = { title: getSection("personalizations").title };

export default function PersonalizationsPage() {
  return (
    <Suspense>
      <PersonalizationsList />
    </Suspense>
  );
}

import type { Metadata } from "next";
import { getSection } from "@/components/shell/nav";
import { SectionPlaceholder } from "../../_components/section-placeholder";

export const metadata: Metadata = { title: getSection("personalizations").title };

export default function PersonalizationsPage() {
  return (
    <SectionPlaceholder
      section="personalizations"
      emptyTitle="No personalizations yet"
      emptyDescription="Personalizations appear here with their status, groups, experiences, primary metric and the last 7 days' exposures. Each one starts as a draft you can preview before it goes live."
    />
  );
}

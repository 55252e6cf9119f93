import type { Metadata } from "next";
import { getSection } from "@/components/shell/nav";
import { SectionPlaceholder } from "../../_components/section-placeholder";

export const metadata: Metadata = { title: getSection("segments").title };

export default function SegmentsPage() {
  return (
    <SectionPlaceholder
      section="segments"
      emptyTitle="No segments yet"
      emptyDescription="Segments appear here, conditional or static, ready to use in any experience's audience. Static segments are filled from a CSV of user ids or over the API."
    />
  );
}

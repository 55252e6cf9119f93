import type { Metadata } from "next";
import { getSection } from "@/components/shell/nav";
import { SectionPlaceholder } from "../../_components/section-placeholder";

export const metadata: Metadata = { title: getSection("groups").title };

export default function GroupsPage() {
  return (
    <SectionPlaceholder
      section="groups"
      emptyTitle="No selector groups yet"
      emptyDescription="Groups appear here with their members. One choose-api call for a group returns the payload of every running personalization in it."
    />
  );
}

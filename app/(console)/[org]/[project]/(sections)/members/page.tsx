import type { Metadata } from "next";
import { getSection } from "@/components/shell/nav";
import { SectionPlaceholder } from "../../_components/section-placeholder";

export const metadata: Metadata = { title: getSection("members").title };

export default function MembersPage() {
  return (
    <SectionPlaceholder
      section="members"
      emptyTitle="No members to show yet"
      emptyDescription="The organization's members appear here with their roles. Owners and admins can invite people and change roles; viewers can look but not change anything."
    />
  );
}

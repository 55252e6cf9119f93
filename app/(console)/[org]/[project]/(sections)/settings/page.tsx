import type { Metadata } from "next";
import { getSection } from "@/components/shell/nav";
import { SectionPlaceholder } from "../../_components/section-placeholder";

export const metadata: Metadata = { title: getSection("settings").title };

export default function SettingsPage() {
  return (
    <SectionPlaceholder
      section="settings"
      emptyTitle="Settings are not editable yet"
      emptyDescription="The project's name and time zone will be set here. The time zone decides when schedules start and stop and where each day of the results begins."
    />
  );
}

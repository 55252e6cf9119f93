import type { Metadata } from "next";
import { getSection } from "@/components/shell/nav";
import { PageHeader } from "@/components/shell/page-header";
import { ProjectSettingsForm } from "./_components/project-settings-form";

export const metadata: Metadata = { title: getSection("settings").title };

export default function SettingsPage() {
  const section = getSection("settings");
  return (
    <>
      <PageHeader title={section.title} description={section.description} />
      <ProjectSettingsForm />
    </>
  );
}

import type { Metadata } from "next";
import { getSection } from "@/components/shell/nav";
import { SectionLink } from "../../_components/section-link";
import { SectionPlaceholder } from "../../_components/section-placeholder";

export const metadata: Metadata = { title: getSection("templates").title };

export default async function TemplatesPage({
  params,
}: {
  params: Promise<{ org: string; project: string }>;
}) {
  const { org, project } = await params;
  return (
    <SectionPlaceholder
      section="templates"
      emptyTitle="No templates yet"
      emptyDescription="Save an experience's payload as a template from a personalization's Experiences tab, and it shows up here, ready to start new experiences from."
      emptyAction={
        <SectionLink org={org} project={project} section="personalizations">
          Go to personalizations
        </SectionLink>
      }
    />
  );
}

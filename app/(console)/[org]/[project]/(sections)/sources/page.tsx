import type { Metadata } from "next";
import { getSection } from "@/components/shell/nav";
import { SectionLink } from "../../_components/section-link";
import { SectionPlaceholder } from "../../_components/section-placeholder";

export const metadata: Metadata = { title: getSection("sources").title };

export default async function SourcesPage({ params }: { params: Promise<{ org: string; project: string }> }) {
  const { org, project } = await params;
  return (
    <SectionPlaceholder
      section="sources"
      emptyTitle="No API keys yet"
      emptyDescription="Keys appear here with their name, prefix, scopes and last use. Your server needs one with the decide scope to call choose-api."
      emptyAction={
        <SectionLink org={org} project={project} section="api-reference">
          Read the API reference
        </SectionLink>
      }
    />
  );
}

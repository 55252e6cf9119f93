import type { Metadata } from "next";
import { getSection } from "@/components/shell/nav";
import { SectionLink } from "../../_components/section-link";
import { SectionPlaceholder } from "../../_components/section-placeholder";

export const metadata: Metadata = { title: getSection("preview").title };

export default async function PreviewPage({ params }: { params: Promise<{ org: string; project: string }> }) {
  const { org, project } = await params;
  return (
    <SectionPlaceholder
      section="preview"
      emptyTitle="Nothing to preview yet"
      emptyDescription="Pick a test profile, or describe a visitor, and every selector's outcome shows up here with the rendered payload and the decision trace, computed by the same engine as choose-api."
      emptyAction={
        <SectionLink org={org} project={project} section="test-profiles">
          Manage test profiles
        </SectionLink>
      }
    />
  );
}

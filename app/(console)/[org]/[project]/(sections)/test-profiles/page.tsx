import type { Metadata } from "next";
import { getSection } from "@/components/shell/nav";
import { SectionLink } from "../../_components/section-link";
import { SectionPlaceholder } from "../../_components/section-placeholder";

export const metadata: Metadata = { title: getSection("test-profiles").title };

export default async function TestProfilesPage({
  params,
}: {
  params: Promise<{ org: string; project: string }>;
}) {
  const { org, project } = await params;
  return (
    <SectionPlaceholder
      section="test-profiles"
      emptyTitle="No test profiles yet"
      emptyDescription="Test profiles you save appear here. Pick one in Preview to see which experience each selector would serve it, and why."
      emptyAction={
        <SectionLink org={org} project={project} section="preview">
          Open preview
        </SectionLink>
      }
    />
  );
}

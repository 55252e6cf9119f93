import type { Metadata } from "next";
import { getSection } from "@/components/shell/nav";
import { SectionLink } from "../../_components/section-link";
import { SectionPlaceholder } from "../../_components/section-placeholder";

export const metadata: Metadata = { title: getSection("profiles").title };

export default async function ProfilesPage({
  params,
}: {
  params: Promise<{ org: string; project: string }>;
}) {
  const { org, project } = await params;
  return (
    <SectionPlaceholder
      section="profiles"
      emptyTitle="No profiles yet"
      emptyDescription="Visitors appear here once choose-api or track has seen them. Open one to see its ids, attributes, segments and events."
      emptyAction={
        <SectionLink org={org} project={project} section="api-reference">
          Read the API reference
        </SectionLink>
      }
    />
  );
}

import type { Metadata } from "next";
import { getSection } from "@/components/shell/nav";
import { SectionLink } from "../../_components/section-link";
import { SectionPlaceholder } from "../../_components/section-placeholder";

export const metadata: Metadata = { title: getSection("attributes").title };

export default async function AttributesPage({
  params,
}: {
  params: Promise<{ org: string; project: string }>;
}) {
  const { org, project } = await params;
  return (
    <SectionPlaceholder
      section="attributes"
      emptyTitle="No attributes yet"
      emptyDescription="Attributes appear here as profiles are identified with user.* and account.* properties, with their types, so audience conditions can offer them."
      emptyAction={
        <SectionLink org={org} project={project} section="api-reference">
          Read the identify API
        </SectionLink>
      }
    />
  );
}

import type { Metadata } from "next";
import { getSection } from "@/components/shell/nav";
import { PageHeader } from "@/components/shell/page-header";
import { ApiReference } from "./_components/api-reference";

export const metadata: Metadata = { title: getSection("api-reference").title };

export default async function ApiReferencePage({
  params,
}: {
  params: Promise<{ org: string; project: string }>;
}) {
  const { org, project } = await params;
  const section = getSection("api-reference");
  return (
    <>
      <PageHeader title={section.title} description={section.description} />
      <ApiReference org={decodeURIComponent(org)} project={decodeURIComponent(project)} />
    </>
  );
}

import { redirect } from "next/navigation";
import { defaultSection, sectionHref } from "@/components/shell/nav";

type ProjectPageProps = { params: Promise<{ org: string; project: string }> };

export default async function ProjectPage({ params }: ProjectPageProps) {
  const { org, project } = await params;
  redirect(sectionHref(org, project, defaultSection));
}

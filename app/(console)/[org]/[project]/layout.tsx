import type { ReactNode } from "react";
import { ConsoleShell } from "@/components/shell/console-shell";

type ProjectLayoutProps = {
  children: ReactNode;
  params: Promise<{ org: string; project: string }>;
};

export default async function ProjectLayout({ children, params }: ProjectLayoutProps) {
  const { org, project } = await params;
  // The switcher's list is filled from the user's memberships by a later issue; until then it holds the current project.
  return (
    <ConsoleShell org={org} project={project} projects={[{ org, project }]}>
      {children}
    </ConsoleShell>
  );
}

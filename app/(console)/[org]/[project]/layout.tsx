import type { ReactNode } from "react";
import { notFound, redirect } from "next/navigation";
import { ConsoleProviders } from "@/components/console/console-context";
import { ConsoleShell } from "@/components/shell/console-shell";
import { UserMenu } from "@/components/shell/user-menu";
import { currentUser, currentUserProjects } from "@/lib/auth/server-session";

type ProjectLayoutProps = {
  children: ReactNode;
  params: Promise<{ org: string; project: string }>;
};

export const dynamic = "force-dynamic";

// Every console page: signed in, and a member of the URL's organization, or sent away.
export default async function ProjectLayout({ children, params }: ProjectLayoutProps) {
  const { org: rawOrg, project: rawProject } = await params;
  const org = decodeURIComponent(rawOrg);
  const project = decodeURIComponent(rawProject);
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/${rawOrg}/${rawProject}/personalizations`)}`);
  const projects = await currentUserProjects(user.id);
  const here = projects.find((p) => p.org === org && p.project === project);
  if (!here) notFound();
  return (
    <ConsoleProviders info={{ org, project, timezone: here.timezone, role: here.role, user }}>
      <ConsoleShell
        org={org}
        project={project}
        projects={projects.map((p) => ({ org: p.org, project: p.project }))}
        userMenu={<UserMenu email={user.email} name={user.name} role={here.role} />}
      >
        {children}
      </ConsoleShell>
    </ConsoleProviders>
  );
}

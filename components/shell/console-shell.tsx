import type { ReactNode } from "react";
import Link from "next/link";
import { Toaster } from "@/components/ui/toast";
import { Logo } from "./logo";
import { MobileNav } from "./mobile-nav";
import { sectionHref, defaultSection } from "./nav";
import { ProjectSwitcher, type ProjectRef } from "./project-switcher";
import { SectionCrumb } from "./section-crumb";
import { SidebarNav } from "./sidebar-nav";

type ConsoleShellProps = ProjectRef & {
  /** Projects for the switcher; the current one is added when missing. */
  projects: readonly ProjectRef[];
  /** The signed-in user's menu, at the right of the top bar. */
  userMenu?: ReactNode;
  children: ReactNode;
};

/**
 * The console's frame: sidebar with the sections (a drawer at ≤ 768 px), a top bar with the project
 * switcher and the user menu, and the page in the middle.
 */
export function ConsoleShell({ org, project, projects, userMenu, children }: ConsoleShellProps) {
  return (
    <div className="flex min-h-dvh bg-background">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-background px-3 py-2 text-sm font-medium shadow-lg focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus-ring"
      >
        Skip to content
      </a>
      <aside className="sticky top-0 hidden h-dvh w-60 shrink-0 flex-col border-r bg-subtle shell:flex">
        <div className="flex h-14 shrink-0 items-center px-5">
          <Link
            href={sectionHref(org, project, defaultSection)}
            className="rounded-md focus-ring"
            aria-label="Bespoke home"
          >
            <Logo />
          </Link>
        </div>
        <SidebarNav org={org} project={project} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-40 flex h-14 shrink-0 items-center gap-2 border-b bg-background/85 px-4 backdrop-blur-md supports-backdrop-filter:bg-background/70 sm:px-6">
          <MobileNav org={org} project={project} />
          <nav aria-label="Breadcrumb" className="flex min-w-0 items-center gap-2">
            <ProjectSwitcher org={org} project={project} projects={projects} />
            <SectionCrumb org={org} project={project} />
          </nav>
          <div className="ml-auto flex items-center gap-2">{userMenu}</div>
        </header>
        <main id="main" tabIndex={-1} className="flex-1 px-4 py-6 outline-none sm:px-6 lg:px-10 lg:py-8">
          <div className="mx-auto w-full max-w-6xl">{children}</div>
        </main>
      </div>
      <Toaster />
    </div>
  );
}

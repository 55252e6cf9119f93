"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Check, ChevronsUpDown } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { defaultSection } from "./nav";

export type ProjectRef = { org: string; project: string };

type ProjectSwitcherProps = ProjectRef & {
  /** Every project the user can open; the current one is marked. */
  projects: readonly ProjectRef[];
};

function initials(name: string): string {
  return (
    name
      .replace(/[^a-zA-Z0-9]/g, "")
      .slice(0, 1)
      .toUpperCase() || "?"
  );
}

/** Where the same section lives in another project, so switching keeps the user's place. */
function targetHref(pathname: string, current: ProjectRef, target: ProjectRef): string {
  const prefix = `/${encodeURIComponent(current.org)}/${encodeURIComponent(current.project)}/`;
  const section = pathname.startsWith(prefix) ? pathname.slice(prefix.length).split("/")[0] : "";
  return `/${encodeURIComponent(target.org)}/${encodeURIComponent(target.project)}/${section || defaultSection}`;
}

export function ProjectSwitcher({ org, project, projects }: ProjectSwitcherProps) {
  const pathname = usePathname();
  const list = projects.some((p) => p.org === org && p.project === project)
    ? projects
    : [{ org, project }, ...projects];
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className={cn(
          "group -ml-1 flex h-8 min-w-0 items-center gap-2 rounded-md px-1.5 text-sm transition-colors hover:bg-muted focus-ring",
          "data-[state=open]:bg-muted",
        )}
        aria-label={`Project: ${org} / ${project}. Switch project`}
      >
        <span
          aria-hidden="true"
          className="flex size-5 shrink-0 items-center justify-center rounded-[5px] bg-linear-to-br from-primary/80 to-primary text-[11px] font-semibold text-primary-foreground"
        >
          {initials(project)}
        </span>
        <span className="flex min-w-0 items-center gap-1.5">
          <span className="hidden truncate text-muted-foreground sm:inline">{org}</span>
          <span aria-hidden="true" className="hidden text-border-strong sm:inline">
            /
          </span>
          <span className="truncate font-medium text-foreground">{project}</span>
        </span>
        <ChevronsUpDown aria-hidden="true" className="size-3.5 shrink-0 text-muted-foreground" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-64">
        <DropdownMenuLabel>Projects</DropdownMenuLabel>
        {list.map((p) => {
          const current = p.org === org && p.project === project;
          return (
            <DropdownMenuItem key={`${p.org}/${p.project}`} asChild>
              <Link
                href={targetHref(pathname, { org, project }, p)}
                aria-current={current ? "page" : undefined}
              >
                <span
                  aria-hidden="true"
                  className="flex size-5 shrink-0 items-center justify-center rounded-[5px] bg-muted text-[11px] font-semibold text-foreground"
                >
                  {initials(p.project)}
                </span>
                <span className="min-w-0 flex-1 truncate">
                  <span className="text-muted-foreground">{p.org} / </span>
                  {p.project}
                </span>
                {current ? <Check aria-hidden="true" className="size-4 text-primary!" /> : null}
              </Link>
            </DropdownMenuItem>
          );
        })}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

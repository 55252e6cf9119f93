"use client";

import { useId } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils/cn";
import { footerSections, sectionGroups, sectionHref, type Section } from "./nav";

type SidebarNavProps = {
  org: string;
  project: string;
  /** Called when a link is followed: the mobile drawer closes itself with it. */
  onNavigate?: () => void;
};

function isActive(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

function NavLink({
  section,
  href,
  active,
  onNavigate,
}: {
  section: Section;
  href: string;
  active: boolean;
  onNavigate?: () => void;
}) {
  const Icon = section.icon;
  return (
    <Link
      href={href}
      onClick={onNavigate}
      aria-current={active ? "page" : undefined}
      className={cn(
        "group flex h-8 items-center gap-2.5 rounded-md px-2 text-sm font-medium transition-colors duration-100 focus-ring",
        active
          ? "bg-background text-foreground shadow-xs ring-1 ring-border"
          : "text-muted-foreground hover:bg-muted hover:text-foreground",
      )}
    >
      <Icon
        aria-hidden="true"
        className={cn(
          "size-4 shrink-0",
          active ? "text-primary" : "text-muted-foreground/80 group-hover:text-foreground",
        )}
      />
      <span className="truncate">{section.label}</span>
    </Link>
  );
}

/** The console's section links, grouped; the current section is highlighted and marked aria-current. */
export function SidebarNav({ org, project, onNavigate }: SidebarNavProps) {
  const pathname = usePathname();
  const idPrefix = useId();
  return (
    <nav aria-label="Project" className="flex min-h-0 flex-1 flex-col">
      <div className="flex-1 overflow-y-auto px-3 pb-4">
        {sectionGroups.map((group) => (
          <div key={group.label} className="mt-5 first:mt-3">
            <div
              id={`${idPrefix}-${group.label}`}
              className="mb-1 px-2 text-[11px] font-semibold tracking-wider text-muted-foreground/80 uppercase"
            >
              {group.label}
            </div>
            <ul aria-labelledby={`${idPrefix}-${group.label}`} className="grid gap-0.5">
              {group.sections.map((section) => {
                const href = sectionHref(org, project, section.slug);
                return (
                  <li key={section.slug}>
                    <NavLink
                      section={section}
                      href={href}
                      active={isActive(pathname, href)}
                      onNavigate={onNavigate}
                    />
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </div>
      <ul className="grid gap-0.5 border-t px-3 py-3">
        {footerSections.map((section) => {
          const href = sectionHref(org, project, section.slug);
          return (
            <li key={section.slug}>
              <NavLink
                section={section}
                href={href}
                active={isActive(pathname, href)}
                onNavigate={onNavigate}
              />
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

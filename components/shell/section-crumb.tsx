"use client";

import { usePathname } from "next/navigation";
import { footerSections, sectionGroups, sectionHref } from "./nav";

const allSections = [...sectionGroups.flatMap((g) => g.sections), ...footerSections];

/** The current section's name after the project switcher: "demo / shop / Events". */
export function SectionCrumb({ org, project }: { org: string; project: string }) {
  const pathname = usePathname();
  const section = allSections.find((s) => {
    const href = sectionHref(org, project, s.slug);
    return pathname === href || pathname.startsWith(`${href}/`);
  });
  if (!section) return null;
  return (
    <>
      <span aria-hidden="true" className="text-border-strong select-none">
        /
      </span>
      <span className="truncate text-sm font-medium text-foreground" aria-current="page">
        {section.label}
      </span>
    </>
  );
}

import Link from "next/link";
import { ArrowRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { getSection, sectionHref, type SectionSlug } from "@/components/shell/nav";

/** A button to a sibling section, for empty states that point somewhere useful. */
export function SectionLink({
  org,
  project,
  section,
  children,
}: {
  org: string;
  project: string;
  section: SectionSlug;
  children?: string;
}) {
  const Icon = getSection(section).icon;
  return (
    <Button asChild variant="outline" size="sm">
      <Link href={sectionHref(org, project, section)}>
        <Icon aria-hidden="true" />
        {children ?? getSection(section).title}
        <ArrowRight aria-hidden="true" className="text-muted-foreground" />
      </Link>
    </Button>
  );
}

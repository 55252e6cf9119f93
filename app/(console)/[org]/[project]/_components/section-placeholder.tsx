import type { ReactNode } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { getSection, type SectionSlug } from "@/components/shell/nav";
import { EmptyState } from "@/components/ui/empty-state";

type SectionPlaceholderProps = {
  section: SectionSlug;
  /** What the empty state says. */
  emptyTitle: string;
  emptyDescription: ReactNode;
  emptyAction?: ReactNode;
};

/** A section's header and an empty state saying what will appear; each issue that builds the section replaces it. */
export function SectionPlaceholder({
  section,
  emptyTitle,
  emptyDescription,
  emptyAction,
}: SectionPlaceholderProps) {
  const { title, description, icon } = getSection(section);
  return (
    <>
      <PageHeader title={title} description={description} />
      <EmptyState icon={icon} title={emptyTitle} description={emptyDescription} action={emptyAction} />
    </>
  );
}

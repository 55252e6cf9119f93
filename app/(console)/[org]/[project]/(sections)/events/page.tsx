import type { Metadata } from "next";
import { getSection } from "@/components/shell/nav";
import { SectionLink } from "../../_components/section-link";
import { SectionPlaceholder } from "../../_components/section-placeholder";

export const metadata: Metadata = { title: getSection("events").title };

export default async function EventsPage({ params }: { params: Promise<{ org: string; project: string }> }) {
  const { org, project } = await params;
  return (
    <SectionPlaceholder
      section="events"
      emptyTitle="No events received yet"
      emptyDescription="Events sent to the track API appear here with how often each was seen and the properties it carries, ready for metrics and event-based targeting."
      emptyAction={
        <SectionLink org={org} project={project} section="api-reference">
          Read the track API
        </SectionLink>
      }
    />
  );
}

import type { Metadata } from "next";
import { getSection } from "@/components/shell/nav";
import { EventsCatalog } from "./_components/events-catalog";

export const metadata: Metadata = { title: getSection("events").title };

export default function EventsPage() {
  return <EventsCatalog />;
}

import type { Metadata } from "next";
import { getSection } from "@/components/shell/nav";
import { SourcesView } from "./_components/sources-view";

export const metadata: Metadata = { title: getSection("sources").title };

export default function SourcesPage() {
  return <SourcesView />;
}

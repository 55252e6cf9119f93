import type { Metadata } from "next";
import { getSection } from "@/components/shell/nav";
import { SegmentsView } from "./_components/segments-view";

export const metadata: Metadata = { title: getSection("segments").title };

export default function SegmentsPage() {
  return <SegmentsView />;
}

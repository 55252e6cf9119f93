import type { Metadata } from "next";
import { getSection } from "@/components/shell/nav";
import { TestProfilesView } from "./_components/test-profiles-view";

export const metadata: Metadata = { title: getSection("test-profiles").title };

export default function TestProfilesPage() {
  return <TestProfilesView />;
}

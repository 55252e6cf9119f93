import type { Metadata } from "next";
import { getSection } from "@/components/shell/nav";
import { MembersView } from "./_components/members-view";

export const metadata: Metadata = { title: getSection("members").title };

export default function MembersPage() {
  return <MembersView />;
}

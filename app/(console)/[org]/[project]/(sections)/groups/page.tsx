import type { Metadata } from "next";
import { getSection } from "@/components/shell/nav";
import { GroupsPage } from "./_components/groups-page";

export const metadata: Metadata = { title: getSection("groups").title };

export default function Page() {
  return <GroupsPage />;
}

import type { Metadata } from "next";
import { getSection } from "@/components/shell/nav";
import { TemplatesPage } from "./_components/templates-page";

export const metadata: Metadata = { title: getSection("templates").title };

export default function Page() {
  return <TemplatesPage />;
}

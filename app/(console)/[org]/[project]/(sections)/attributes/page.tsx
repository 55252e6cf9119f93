import type { Metadata } from "next";
import { getSection } from "@/components/shell/nav";
import { AttributesCatalog } from "./_components/attributes-catalog";

export const metadata: Metadata = { title: getSection("attributes").title };

export default function AttributesPage() {
  return <AttributesCatalog />;
}

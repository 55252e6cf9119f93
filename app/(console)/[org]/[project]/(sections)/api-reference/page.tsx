import type { Metadata } from "next";
import { getSection } from "@/components/shell/nav";
import { SectionPlaceholder } from "../../_components/section-placeholder";

export const metadata: Metadata = { title: getSection("api-reference").title };

export default function ApiReferencePage() {
  return (
    <SectionPlaceholder
      section="api-reference"
      emptyTitle="The reference is on its way"
      emptyDescription="The OpenAPI document, generated from the same zod schemas the API validates with, will be rendered here with every endpoint, body, answer and scope."
    />
  );
}

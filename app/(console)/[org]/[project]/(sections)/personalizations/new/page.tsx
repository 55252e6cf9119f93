import type { Metadata } from "next";
import { CreatePersonalization } from "./_components/create-personalization";

export const metadata: Metadata = { title: "Create personalization" };

export default function NewPersonalizationPage() {
  return <CreatePersonalization />;
}

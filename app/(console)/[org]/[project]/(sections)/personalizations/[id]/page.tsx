import type { Metadata } from "next";
import { Suspense } from "react";
import { PersonalizationDetail } from "./_components/personalization-detail";

export const metadata: Metadata = { title: "Personalization" };

export default async function PersonalizationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <PersonalizationDetail id={decodeURIComponent(id)} />
    </Suspense>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Gallery } from "./_components/gallery";

export const metadata: Metadata = { title: "UI kit" };

// Every primitive of components/ui on one page, to look at while building; development only.
export default function UiKitPage() {
  if (process.env.NODE_ENV === "production") notFound();
  return <Gallery />;
}

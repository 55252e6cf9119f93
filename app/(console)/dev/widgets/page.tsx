import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Showcase } from "./_components/showcase";

export const metadata: Metadata = { title: "Widgets" };

// The shared authoring widgets with sample data, to look at while building pages; development only.
export default function WidgetsPage() {
  if (process.env.NODE_ENV === "production") notFound();
  return <Showcase />;
}

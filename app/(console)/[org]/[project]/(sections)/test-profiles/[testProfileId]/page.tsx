import type { Metadata } from "next";
import { TestProfileEditor } from "../_components/test-profile-editor";

export const metadata: Metadata = { title: "Test profile" };

export default async function TestProfilePage({ params }: { params: Promise<{ testProfileId: string }> }) {
  const { testProfileId } = await params;
  return <TestProfileEditor testProfileId={decodeURIComponent(testProfileId)} />;
}

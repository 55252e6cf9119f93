import type { Metadata } from "next";
import { TestProfileEditor } from "../_components/test-profile-editor";

export const metadata: Metadata = { title: "New test profile" };

export default function NewTestProfilePage() {
  return <TestProfileEditor testProfileId={null} />;
}

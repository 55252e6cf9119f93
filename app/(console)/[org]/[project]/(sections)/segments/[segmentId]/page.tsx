import type { Metadata } from "next";
import { SegmentDetail } from "../_components/segment-detail";

export const metadata: Metadata = { title: "Segment" };

export default async function SegmentPage({ params }: { params: Promise<{ segmentId: string }> }) {
  const { segmentId } = await params;
  return <SegmentDetail segmentKey={decodeURIComponent(segmentId)} />;
}

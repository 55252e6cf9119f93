import { ChartNoAxesColumn } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import type { Personalization } from "@/lib/schemas/personalizations";

// SLOT: components/results (analytics: per-experience uplift, SRM check, daily chart, CSV export).
// Mounted here once it lands; until then the tab says when results will appear.
export function ResultsTab({ p }: { p: Personalization }) {
  const never = p.status === "draft";
  return (
    <EmptyState
      icon={ChartNoAxesColumn}
      title={never ? "Results appear once it runs" : "No results to show yet"}
      description={
        never
          ? "Start the personalization: each experience is then compared with its control on every metric (uplift, chance to beat control, significance)."
          : "Exposures and conversions are compared per experience against its control once analytics have data for this personalization."
      }
    />
  );
}

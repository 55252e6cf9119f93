import { PersonalizationResults } from "@/components/results";
import type { Personalization } from "@/lib/schemas/personalizations";

/** Each experience against its control on every metric, the SRM check, the daily series and CSV export. */
export function ResultsTab({ p }: { p: Personalization }) {
  return <PersonalizationResults id={p.id} status={p.status} />;
}

import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { Reason } from "./types";

type Variant = NonNullable<BadgeProps["variant"]>;

export const REASON_INFO: Record<Reason, { label: string; variant: Variant; explanation: string }> = {
  served: {
    label: "Served",
    variant: "success",
    explanation: "An experience matched and its payload was rendered.",
  },
  control: {
    label: "Control",
    variant: "info",
    explanation:
      "An experience matched, but the visitor is in the control group: they see the original page (no payload).",
  },
  no_match: {
    label: "No match",
    variant: "neutral",
    explanation: "No experience was eligible for this visitor.",
  },
  not_running: {
    label: "Not running",
    variant: "warning",
    explanation:
      "The personalization is a draft, paused or archived. Turn on “Include drafts and paused” to evaluate it anyway.",
  },
  not_found: {
    label: "Not found",
    variant: "danger",
    explanation: "No personalization has this API selector.",
  },
  render_error: {
    label: "Render error",
    variant: "danger",
    explanation: "An experience matched, but its payload template failed to render; no payload is served.",
  },
};

/** The outcome of one selector as a coloured badge ("Served", "No match", …). */
export function ReasonBadge({ reason, className }: { reason: Reason; className?: string }) {
  const info = REASON_INFO[reason];
  return (
    <Badge variant={info.variant} dot className={className} title={info.explanation} data-reason={reason}>
      {info.label}
    </Badge>
  );
}

import { Badge } from "@/components/ui/badge";
import type { PersonalizationStatus } from "@/lib/schemas/personalizations";

const personalizationTone = {
  draft: { variant: "neutral", label: "Draft" },
  running: { variant: "success", label: "Running" },
  paused: { variant: "warning", label: "Paused" },
  archived: { variant: "outline", label: "Archived" },
} as const;

export function PersonalizationStatusBadge({
  status,
  className,
}: {
  status: PersonalizationStatus;
  className?: string;
}) {
  const { variant, label } = personalizationTone[status];
  return (
    <Badge variant={variant} dot className={className}>
      {label}
    </Badge>
  );
}

/** An experience is "Needs setup" until its audience has a condition (SPEC §1). */
export function ExperienceStatusBadge({
  status,
  className,
}: {
  status: "needs_setup" | "ready";
  className?: string;
}) {
  return status === "ready" ? (
    <Badge variant="success" className={className}>
      Ready
    </Badge>
  ) : (
    <Badge variant="warning" className={className}>
      Needs setup
    </Badge>
  );
}

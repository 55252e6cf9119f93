import { cn } from "@/lib/utils/cn";
import { formatInterval, positionOn } from "./format";

export type Tone = "better" | "worse" | "neutral";

/**
 * The 95% interval of an uplift as a bar on a scale shared by the whole table, with a tick at 0
 * (no change) and a dot at the estimate. Green or red only when the verdict is significant.
 */
export function IntervalBar({
  expected,
  ci,
  scale,
  tone,
}: {
  expected: number;
  ci: readonly [number | null, number | null];
  scale: number;
  tone: Tone;
}) {
  const left = positionOn(ci[0], scale, "low");
  const right = positionOn(ci[1], scale, "high");
  const dot = positionOn(expected, scale, expected < 0 ? "low" : "high");
  return (
    <div
      role="img"
      aria-label={`95% interval ${formatInterval(ci)}`}
      title={`95% interval ${formatInterval(ci)}`}
      className="relative h-4 w-32 shrink-0"
    >
      <div aria-hidden="true" className="absolute inset-x-0 top-1/2 h-px -translate-y-1/2 bg-border" />
      <div aria-hidden="true" className="absolute top-0 bottom-0 left-1/2 w-px bg-border-strong" />
      <div
        aria-hidden="true"
        className={cn(
          "absolute top-1/2 h-1.5 -translate-y-1/2 rounded-full",
          tone === "better" ? "bg-success/70" : tone === "worse" ? "bg-danger/70" : "bg-muted-foreground/40",
          ci[0] === null && "rounded-l-none",
          ci[1] === null && "rounded-r-none",
        )}
        style={{ left: `${left}%`, width: `${Math.max(right - left, 1)}%` }}
      />
      <div
        aria-hidden="true"
        className={cn(
          "absolute top-1/2 size-2.5 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-background",
          tone === "better" ? "bg-success" : tone === "worse" ? "bg-danger" : "bg-foreground/70",
        )}
        style={{ left: `${dot}%` }}
      />
    </div>
  );
}

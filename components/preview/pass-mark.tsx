import { CircleCheck, CircleMinus, CircleX } from "lucide-react";
import { cn } from "@/lib/utils/cn";

/** A green check or a red cross, with the word for screen readers. `neutral`: not evaluated / not relevant. */
export function PassMark({
  passed,
  neutral = false,
  className,
}: {
  passed: boolean;
  neutral?: boolean;
  className?: string;
}) {
  if (neutral) {
    return (
      <span className={cn("inline-flex shrink-0 text-muted-foreground", className)}>
        <CircleMinus aria-hidden="true" className="size-4" />
        <span className="sr-only">not relevant</span>
      </span>
    );
  }
  return (
    <span
      className={cn("inline-flex shrink-0", passed ? "text-success" : "text-danger", className)}
      data-passed={passed}
    >
      {passed ? (
        <CircleCheck aria-hidden="true" className="size-4" />
      ) : (
        <CircleX aria-hidden="true" className="size-4" />
      )}
      <span className="sr-only">{passed ? "passed" : "failed"}</span>
    </span>
  );
}

import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

/** A grey placeholder block that pulses while content loads; size it with classes (`h-4 w-32`). */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn("animate-pulse rounded-md bg-muted", className)}
      {...props}
    />
  );
}

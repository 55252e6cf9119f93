import type { ComponentProps } from "react";
import { LoaderCircle } from "lucide-react";
import { cn } from "@/lib/utils/cn";

export type SpinnerProps = ComponentProps<"svg"> & {
  /** Read by screen readers; pass `null` when the spinner sits inside something that already says it is busy. */
  label?: string | null;
  size?: "sm" | "md" | "lg";
};

const sizes = { sm: "size-3.5", md: "size-4", lg: "size-6" } as const;

export function Spinner({ label = "Loading", size = "md", className, ...props }: SpinnerProps) {
  const icon = (
    <LoaderCircle aria-hidden="true" className={cn("animate-spin", sizes[size], className)} {...props} />
  );
  if (label === null) return icon;
  return (
    <span role="status" className="inline-flex items-center">
      {icon}
      <span className="sr-only">{label}</span>
    </span>
  );
}

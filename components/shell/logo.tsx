import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

/** Bespoke's mark: a tailor's notch in a rounded square, in the brand colour. */
export function LogoMark({ className, ...props }: ComponentProps<"svg">) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className={cn("size-7 shrink-0", className)} {...props}>
      <rect width="32" height="32" rx="8" className="fill-primary" />
      <path
        d="M11 8.5h6.2c3.1 0 5 1.6 5 4.1 0 1.7-1 2.9-2.5 3.4 1.9.4 3.2 1.8 3.2 3.8 0 2.8-2.1 4.7-5.5 4.7H11V8.5Z"
        className="fill-white"
      />
      <path
        d="M14.4 11.3v3.6h2.4c1.3 0 2-.7 2-1.8s-.7-1.8-2-1.8h-2.4ZM14.4 17.6v4.1h2.8c1.4 0 2.2-.8 2.2-2s-.8-2.1-2.2-2.1h-2.8Z"
        className="fill-primary"
      />
    </svg>
  );
}

export function Logo({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2", className)}>
      <LogoMark />
      <span className="text-[15px] font-semibold tracking-tight text-foreground">Bespoke</span>
    </span>
  );
}

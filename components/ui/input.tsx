import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

/** Shared by input, textarea and the select trigger so every control looks and focuses alike. */
export const controlClasses = cn(
  "w-full min-w-0 rounded-md border border-input bg-background text-sm text-foreground shadow-xs",
  "transition-[border-color,box-shadow] duration-100 outline-none placeholder:text-muted-foreground/80",
  "focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/20",
  "disabled:cursor-not-allowed disabled:bg-muted disabled:opacity-60",
  "aria-invalid:border-danger aria-invalid:focus-visible:ring-danger/20",
);

export type InputProps = ComponentProps<"input">;

export function Input({ className, type = "text", ...props }: InputProps) {
  return (
    <input
      data-slot="input"
      type={type}
      className={cn(
        controlClasses,
        "h-9 px-3 py-1",
        "file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-foreground",
        className,
      )}
      {...props}
    />
  );
}

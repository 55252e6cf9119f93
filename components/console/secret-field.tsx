"use client";

import { useRef } from "react";
import { cn } from "@/lib/utils/cn";
import { CopyButton } from "./copy-button";

type SecretFieldProps = {
  value: string;
  /** The visible label above the value, also the accessible name of the read-only field. */
  label: string;
  /** What the copy toast names. */
  what?: string;
  className?: string;
};

/**
 * A value to copy once (an API key, an invite link): monospace, read-only, selected on focus so
 * Ctrl+C works even where the clipboard API does not, with a copy button beside it.
 */
export function SecretField({ value, label, what, className }: SecretFieldProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  return (
    <div className={cn("grid gap-2", className)}>
      <span className="text-sm font-medium" id={`${label}-label`.replaceAll(" ", "-")}>
        {label}
      </span>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <textarea
          ref={ref}
          readOnly
          rows={value.length > 60 ? 2 : 1}
          value={value}
          aria-labelledby={`${label}-label`.replaceAll(" ", "-")}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
          className={cn(
            "min-h-9 w-full min-w-0 resize-none rounded-md border border-input bg-subtle px-3 py-2 font-mono text-[13px] leading-5 break-all text-foreground",
            "outline-none focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/20",
          )}
        />
        <CopyButton
          value={value}
          what={what ?? label}
          aria-label={`Copy ${(what ?? label).toLowerCase()}`}
          size="md"
          className="shrink-0"
        />
      </div>
    </div>
  );
}

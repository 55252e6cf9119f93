"use client";

import type { ComponentProps } from "react";
import { Input } from "@/components/ui/input";

export const CONTROL_RECOMMENDATION =
  "5% is recommended: enough visitors to measure each experience's uplift against, while 95% still see the personalization.";

/** The control share: a whole percentage with the recommendation under it, and what it means for traffic. */
export function ControlInput({
  value,
  ...props
}: Omit<ComponentProps<"input">, "value" | "type"> & { value: number | undefined }) {
  const pct = typeof value === "number" && Number.isFinite(value) ? value : null;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <div className="relative w-28">
        <Input
          type="number"
          inputMode="numeric"
          min={0}
          max={99}
          step={1}
          className="pr-8 tabular-nums"
          value={value ?? ""}
          {...props}
        />
        <span
          aria-hidden="true"
          className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-sm text-muted-foreground"
        >
          %
        </span>
      </div>
      {pct !== null && pct >= 0 && pct <= 99 ? (
        <div className="flex min-w-0 flex-1 basis-48 flex-wrap items-center gap-x-2 gap-y-1 text-[13px] text-muted-foreground">
          <div
            className="flex h-2 w-full max-w-56 min-w-24 flex-1 overflow-hidden rounded-full bg-primary/80"
            aria-hidden="true"
          >
            <div className="h-full bg-border-strong" style={{ width: `${pct}%` }} />
          </div>
          <span className="whitespace-nowrap">
            {pct}% original page · {100 - pct}% personalized
          </span>
        </div>
      ) : null}
    </div>
  );
}

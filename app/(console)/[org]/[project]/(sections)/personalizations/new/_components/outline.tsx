"use client";

import { CircleAlert, CircleCheck, Circle } from "lucide-react";
import { revealElement } from "@/components/personalizations/reveal";
import { cn } from "@/lib/utils/cn";

export type OutlineItem = {
  id: string;
  label: string;
  detail: string;
  state: "done" | "todo";
  hasError: boolean;
};

/** The create flow's map: every section with where it stands; a click goes there. Desktop only. */
export function Outline({ items, problemCount }: { items: OutlineItem[]; problemCount: number }) {
  return (
    <nav aria-label="Sections" className="hidden lg:block">
      <ol className="sticky top-20 grid gap-1">
        {items.map((item, i) => {
          const Icon = item.hasError ? CircleAlert : item.state === "done" ? CircleCheck : Circle;
          return (
            <li key={item.id}>
              <a
                href={`#${item.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  revealElement(item.id);
                }}
                className="group flex gap-2.5 rounded-lg px-2.5 py-2 hover:bg-muted focus-ring"
              >
                <Icon
                  aria-hidden="true"
                  className={cn(
                    "mt-0.5 size-4 shrink-0",
                    item.hasError
                      ? "text-danger"
                      : item.state === "done"
                        ? "text-success"
                        : "text-muted-foreground/60",
                  )}
                />
                <span className="grid min-w-0 gap-0.5">
                  <span className="text-[13px] font-medium">
                    {i + 1}. {item.label}
                  </span>
                  <span className="truncate text-xs text-muted-foreground">{item.detail}</span>
                </span>
                {item.hasError ? <span className="sr-only">(has errors)</span> : null}
              </a>
            </li>
          );
        })}
        {problemCount > 0 ? (
          <li className="mt-2 px-2.5 text-xs font-medium text-danger">
            {problemCount} problem{problemCount === 1 ? "" : "s"} to fix
          </li>
        ) : null}
      </ol>
    </nav>
  );
}

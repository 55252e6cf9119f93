"use client";

import Link from "next/link";
import { Layers, Sparkles } from "lucide-react";
import type { SegmentReferrer } from "@/lib/schemas/segments";
import { useConsole } from "@/components/console/console-context";
import { sectionHref } from "@/components/shell/nav";

/** The conditions that use a segment, each a link to where it is edited. */
export function ReferrerList({
  referrers,
  className,
}: {
  referrers: readonly SegmentReferrer[];
  className?: string;
}) {
  const { org, project } = useConsole();
  return (
    <ul className={className ?? "mt-1 grid gap-1"}>
      {referrers.map((r) => (
        <li key={`${r.type}-${r.id}`} className="flex min-w-0 items-center gap-1.5 text-[13px]">
          {r.type === "experience" ? (
            <>
              <Sparkles aria-hidden="true" className="size-3.5 shrink-0 opacity-70" />
              <span className="min-w-0 truncate">
                Experience <span className="font-medium">“{r.name}”</span> of{" "}
                <Link
                  className="font-medium underline underline-offset-2 hover:no-underline"
                  href={`${sectionHref(org, project, "personalizations")}/${encodeURIComponent(r.personalizationId)}`}
                >
                  {r.personalizationName}
                </Link>
              </span>
            </>
          ) : (
            <>
              <Layers aria-hidden="true" className="size-3.5 shrink-0 opacity-70" />
              <span className="min-w-0 truncate">
                Rule segment{" "}
                <Link
                  className="font-medium underline underline-offset-2 hover:no-underline"
                  href={`${sectionHref(org, project, "segments")}/${encodeURIComponent(r.key)}`}
                >
                  {r.name}
                </Link>{" "}
                <code className="font-mono text-xs opacity-80">{r.key}</code>
              </span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

"use client";

import { formatDistanceToNowStrict } from "date-fns";
import { useConsole } from "./console-context";

/** A date and time in the project's time zone ("28 Nov 2026, 13:00"). */
export function formatInZone(
  iso: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" },
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(date);
  }
}

/** "3 days ago", with the exact moment in the project's time zone on hover and for screen readers. */
export function RelativeTime({ iso, fallback = "—" }: { iso: string | null | undefined; fallback?: string }) {
  const { timezone } = useConsole();
  if (!iso) return <span className="text-muted-foreground">{fallback}</span>;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>{iso}</span>;
  const exact = `${formatInZone(iso, timezone, { dateStyle: "medium", timeStyle: "medium" })} (${timezone})`;
  return (
    <time dateTime={iso} title={exact} className="whitespace-nowrap">
      {formatDistanceToNowStrict(date, { addSuffix: true })}
    </time>
  );
}

/** The exact date and time in the project's zone. */
export function DateTime({ iso, fallback = "—" }: { iso: string | null | undefined; fallback?: string }) {
  const { timezone } = useConsole();
  if (!iso) return <span className="text-muted-foreground">{fallback}</span>;
  return (
    <time dateTime={iso} title={timezone} className="whitespace-nowrap tabular-nums">
      {formatInZone(iso, timezone)}
    </time>
  );
}

import type { Change } from "./diff";
import { oneLine } from "./json";

function Value({ v, tone }: { v: unknown; tone: "before" | "after" }) {
  return (
    <code
      className={
        tone === "before"
          ? "rounded bg-danger-subtle px-1 py-0.5 font-mono text-[12px] break-all text-danger-foreground line-through decoration-danger/40"
          : "rounded bg-success-subtle px-1 py-0.5 font-mono text-[12px] break-all text-success-foreground"
      }
    >
      {v === undefined ? "—" : oneLine(v, 240)}
    </code>
  );
}

/** A readable list of what changed: path, old value struck through, new value. */
export function DiffView({
  changes,
  empty = "Nothing that you can see changed.",
  max = 40,
}: {
  changes: Change[];
  empty?: string;
  max?: number;
}) {
  if (changes.length === 0) return <p className="text-[13px] text-muted-foreground">{empty}</p>;
  return (
    <ul className="grid gap-1.5 text-[13px]">
      {changes.slice(0, max).map((c, i) => (
        <li key={`${c.path}-${i}`} className="grid gap-1 sm:grid-cols-[minmax(8rem,14rem)_1fr] sm:gap-3">
          <span className="font-mono text-[12px] break-all text-muted-foreground">{c.path}</span>
          <span className="flex min-w-0 flex-wrap items-center gap-1.5">
            {c.kind === "moved" ? (
              <span>
                moved from position {c.from} to {c.to}
              </span>
            ) : c.kind === "added" ? (
              <>
                <span className="text-muted-foreground">added</span> <Value v={c.after} tone="after" />
              </>
            ) : c.kind === "removed" ? (
              <>
                <span className="text-muted-foreground">removed</span> <Value v={c.before} tone="before" />
              </>
            ) : (
              <>
                <Value v={c.before} tone="before" />
                <span aria-label="became" className="text-muted-foreground">
                  →
                </span>
                <Value v={c.after} tone="after" />
              </>
            )}
          </span>
        </li>
      ))}
      {changes.length > max ? (
        <li className="text-muted-foreground">…and {changes.length - max} more changes.</li>
      ) : null}
    </ul>
  );
}

import { Skeleton } from "@/components/ui/skeleton";

/**
 * A table-shaped placeholder with the real table's row height, so the page does not jump when the
 * rows arrive.
 */
export function TableSkeleton({
  rows = 4,
  columns = 5,
  label = "Loading",
}: {
  rows?: number;
  columns?: number;
  label?: string;
}) {
  return (
    <div role="status" aria-label={label} className="overflow-hidden rounded-lg border bg-background">
      <div className="flex h-9 items-center gap-6 border-b bg-subtle px-3">
        {Array.from({ length: columns }, (_, i) => (
          <Skeleton key={i} className="h-3 flex-1 bg-border/70" />
        ))}
      </div>
      {Array.from({ length: rows }, (_, r) => (
        <div key={r} className="flex h-[45px] items-center gap-6 border-b px-3 last:border-0">
          {Array.from({ length: columns }, (_, i) => (
            <Skeleton key={i} className={i === 0 ? "h-4 flex-[1.5]" : "h-4 flex-1"} />
          ))}
        </div>
      ))}
    </div>
  );
}

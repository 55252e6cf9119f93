import { Skeleton } from "@/components/ui/skeleton";

export function ReferenceSkeleton() {
  return (
    <div role="status" aria-label="Loading the API reference" className="grid gap-3">
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-4 w-full max-w-xl" />
      {Array.from({ length: 6 }, (_, i) => (
        <Skeleton key={i} className="h-11 w-full" />
      ))}
    </div>
  );
}

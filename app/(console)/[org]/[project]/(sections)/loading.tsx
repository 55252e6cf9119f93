// Lives in the (sections) route group so that [project]/page.tsx, outside this Suspense boundary,
// answers its redirect with a real 307 rather than a streamed client-side one.
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div role="status" aria-label="Loading">
      <Skeleton className="h-7 w-48" />
      <Skeleton className="mt-2.5 h-4 w-full max-w-md" />
      <div className="mt-8 grid gap-3">
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-10 w-2/3" />
      </div>
    </div>
  );
}

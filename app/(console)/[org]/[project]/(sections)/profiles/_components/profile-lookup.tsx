"use client";

import { useState, type FormEvent } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { Contact, Search, UserX } from "lucide-react";
import type { ProfileView } from "@/lib/schemas/profiles";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import { useConsole } from "@/components/console/console-context";
import { FirstDataHint } from "@/components/console/first-data-hint";
import { QueryError } from "@/components/console/query-error";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils/cn";
import { ProfileDetails } from "./profile-details";

type IdKind = "userId" | "profileId";
const KINDS: { value: IdKind; label: string; placeholder: string }[] = [
  { value: "userId", label: "User id", placeholder: "u-42" },
  { value: "profileId", label: "Profile id", placeholder: "anon-1 (device id)" },
];

export function ProfileLookup() {
  const { org, project, api } = useConsole();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const current: { kind: IdKind; value: string } | null = params.get("userId")
    ? { kind: "userId", value: params.get("userId") ?? "" }
    : params.get("profileId")
      ? { kind: "profileId", value: params.get("profileId") ?? "" }
      : null;
  const [kind, setKind] = useState<IdKind>(current?.kind ?? "userId");
  const [value, setValue] = useState(current?.value ?? "");
  const [error, setError] = useState<string | null>(null);

  const query = useQuery({
    queryKey: ["console", org, project, "profile", current?.kind, current?.value],
    queryFn: () =>
      apiFetch<ProfileView>(
        api(`/profiles?${new URLSearchParams(current ? { [current.kind]: current.value } : {})}`),
      ),
    enabled: current !== null,
    retry: false,
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const id = value.trim();
    if (!id) {
      setError(`Type a ${kind === "userId" ? "user id" : "profile id"} to look up.`);
      return;
    }
    if (id.length > 256) {
      setError("Ids are at most 256 characters.");
      return;
    }
    setError(null);
    router.replace(`${pathname}?${new URLSearchParams({ [kind]: id })}`, { scroll: false });
  };

  const notFound = query.error instanceof ApiClientError && query.error.status === 404;

  return (
    <div className="grid gap-6">
      <form
        onSubmit={onSubmit}
        noValidate
        className="grid gap-2"
        role="search"
        aria-label="Look up a profile"
      >
        <div className="flex flex-col gap-2 sm:flex-row">
          <div
            role="group"
            aria-label="Look up by"
            className="inline-flex h-9 shrink-0 rounded-md border bg-muted p-0.5"
          >
            {KINDS.map((k) => (
              <button
                key={k.value}
                type="button"
                aria-pressed={kind === k.value}
                onClick={() => setKind(k.value)}
                className={cn(
                  "flex-1 rounded-[5px] px-3 text-sm font-medium whitespace-nowrap text-muted-foreground transition-colors focus-ring sm:flex-none",
                  kind === k.value && "bg-background text-foreground shadow-xs",
                )}
              >
                {k.label}
              </button>
            ))}
          </div>
          <Input
            value={value}
            onChange={(e) => setValue(e.target.value)}
            placeholder={KINDS.find((k) => k.value === kind)?.placeholder}
            aria-label={kind === "userId" ? "User id" : "Profile id"}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "lookup-error" : undefined}
            spellCheck={false}
            autoComplete="off"
            className="font-mono sm:max-w-sm"
          />
          <Button type="submit" loading={query.isFetching}>
            <Search aria-hidden="true" />
            Look up
          </Button>
        </div>
        {error ? (
          <p id="lookup-error" role="alert" className="text-[13px] font-medium text-danger">
            {error}
          </p>
        ) : null}
      </form>

      {current === null ? (
        <EmptyState
          icon={Contact}
          title="Look up a visitor"
          description="Type the user id your servers send for a signed-in visitor, or an anonymous profile (device) id, to see their attributes, identifiers, recent events and exposures."
        >
          <FirstDataHint kind="identify" />
        </EmptyState>
      ) : query.isPending ? (
        <ProfileSkeleton />
      ) : notFound ? (
        <EmptyState
          icon={UserX}
          title={`No profile with ${current.kind} “${current.value}”`}
          description={`Ids are matched exactly, case included. Try the ${current.kind === "userId" ? "profile id" : "user id"} instead, or check that your servers have sent an event or an Identify call for this visitor.`}
        />
      ) : query.isError ? (
        <QueryError
          title="Could not load the profile"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : (
        <ProfileDetails view={query.data} />
      )}
    </div>
  );
}

function ProfileSkeleton() {
  return (
    <div role="status" aria-label="Loading the profile" className="grid gap-4">
      <Skeleton className="h-40 w-full rounded-xl" />
      <Skeleton className="h-9 w-72" />
      <Skeleton className="h-56 w-full rounded-xl" />
    </div>
  );
}

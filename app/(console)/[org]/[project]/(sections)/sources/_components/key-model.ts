import { z } from "zod";
import type { QueryClient } from "@tanstack/react-query";
import type { Scope } from "@/lib/auth/api-keys";
import type { Source } from "@/lib/schemas/sources";

// The console's copy of lib/schemas/sources' rules: that module imports the key hashing code
// (node:crypto) for its scope list, which must not reach the browser bundle. Same limits, same
// messages; the API validates again and its field errors land on these fields.

export const SCOPE_OPTIONS = [
  {
    value: "decide",
    label: "decide",
    description: "Call choose-api to learn which payload each visitor gets.",
  },
  {
    value: "track",
    label: "track",
    description: "Send events and identify calls (track).",
  },
  {
    value: "manage",
    label: "manage",
    description: "Read and change everything in this project through the management API.",
  },
] as const satisfies readonly { value: Scope; label: string; description: string }[];

// Fails to compile when a scope is added on the server but not here.
type Missing = Exclude<Scope, (typeof SCOPE_OPTIONS)[number]["value"]>;
const everyScopeListed: Missing extends never ? true : false = true;
void everyScopeListed;

const scopeValues = SCOPE_OPTIONS.map((s) => s.value) as [Scope, ...Scope[]];

const keyName = z.string().trim().min(1, "Give the key a name").max(100, "Must be at most 100 characters");

export const createKeyFormSchema = z.object({
  name: keyName,
  scopes: z.array(z.enum(scopeValues)).min(1, "Choose at least one scope"),
});
export type CreateKeyForm = z.infer<typeof createKeyFormSchema>;

export const renameKeyFormSchema = z.object({ name: keyName });
export type RenameKeyForm = z.infer<typeof renameKeyFormSchema>;

export const ADMIN_ONLY = "Only owners and admins can create, rename or revoke API keys.";

export function sourcesQueryKey(org: string, project: string) {
  return ["console", org, project, "sources"] as const;
}

/** Puts the API's answer for one key into the cached list at once (no flash of the old row), then refetches. */
export function updateCachedSource(
  queryClient: QueryClient,
  org: string,
  project: string,
  source: Source,
): void {
  const key = sourcesQueryKey(org, project);
  queryClient.setQueryData<{ sources: Source[] }>(key, (data) =>
    data
      ? {
          sources: data.sources.some((s) => s.id === source.id)
            ? data.sources.map((s) => (s.id === source.id ? source : s))
            : [source, ...data.sources],
        }
      : data,
  );
  void queryClient.invalidateQueries({ queryKey: key });
}

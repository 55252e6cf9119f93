"use client";

// Server data of the audience pages (segments, test profiles, preview) through react-query, with
// one key scheme so a write on one page refreshes the others.

import { useQuery } from "@tanstack/react-query";
import { useConsole } from "@/components/console/console-context";
import { apiFetch } from "@/lib/client/api";
import type { CatalogAttribute, CatalogEvent } from "@/lib/schemas/catalog";
import type { Group } from "@/lib/schemas/groups";
import type { PersonalizationSummary } from "@/lib/schemas/personalizations";
import type { Segment } from "@/lib/schemas/segments";
import type { TestProfile } from "@/lib/schemas/test-profiles";

export const audienceKeys = {
  segments: (org: string, project: string) => ["segments", org, project] as const,
  segment: (org: string, project: string, id: string) => ["segments", org, project, "detail", id] as const,
  testProfiles: (org: string, project: string) => ["test-profiles", org, project] as const,
  testProfile: (org: string, project: string, id: string) =>
    ["test-profiles", org, project, "detail", id] as const,
  catalogEvents: (org: string, project: string) => ["catalog", org, project, "events"] as const,
  catalogAttributes: (org: string, project: string) => ["catalog", org, project, "attributes"] as const,
};

export function useSegments() {
  const { org, project, api } = useConsole();
  return useQuery({
    queryKey: audienceKeys.segments(org, project),
    queryFn: async () => (await apiFetch<{ segments: Segment[] }>(api("/segments"))).segments,
  });
}

export function useTestProfiles() {
  const { org, project, api } = useConsole();
  return useQuery({
    queryKey: audienceKeys.testProfiles(org, project),
    queryFn: async () =>
      (await apiFetch<{ testProfiles: TestProfile[] }>(api("/test-profiles"))).testProfiles,
  });
}

export function useTestProfile(id: string | null) {
  const { org, project, api } = useConsole();
  return useQuery({
    queryKey: audienceKeys.testProfile(org, project, id ?? ""),
    queryFn: () => apiFetch<TestProfile>(api(`/test-profiles/${encodeURIComponent(id ?? "")}`)),
    enabled: id !== null && id !== "",
  });
}

/** Event names seen in the project, for autocompletion; an empty list when the catalog cannot load. */
export function useCatalogEvents() {
  const { org, project, api } = useConsole();
  return useQuery({
    queryKey: audienceKeys.catalogEvents(org, project),
    queryFn: async () =>
      (await apiFetch<{ events: CatalogEvent[] }>(api("/catalog/events?limit=1000"))).events,
    staleTime: 60_000,
  });
}

export function useCatalogAttributes() {
  const { org, project, api } = useConsole();
  return useQuery({
    queryKey: audienceKeys.catalogAttributes(org, project),
    queryFn: async () =>
      (await apiFetch<{ attributes: CatalogAttribute[] }>(api("/catalog/attributes?limit=1000"))).attributes,
    staleTime: 60_000,
  });
}

// The next two share their keys and shapes with components/personalizations/queries.ts, so the
// authoring pages and these see the same cache.

/** The project's personalizations (archived ones aside). */
export function usePersonalizationSummaries() {
  const { org, project, api } = useConsole();
  return useQuery({
    queryKey: ["personalizations", org, project, "list", {}],
    queryFn: async () =>
      (await apiFetch<{ personalizations: PersonalizationSummary[] }>(api("/personalizations")))
        .personalizations,
  });
}

export function useSelectorGroups() {
  const { org, project, api } = useConsole();
  return useQuery({
    queryKey: ["groups", org, project],
    queryFn: async () => (await apiFetch<{ groups: Group[] }>(api("/groups"))).groups,
  });
}

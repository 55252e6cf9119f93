// Server data of the authoring pages, through react-query: one key scheme so every page that shows
// a personalization, a template or a group sees a write as soon as it is made.

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useConsole } from "@/components/console/console-context";
import { apiFetch } from "@/lib/client/api";
import type { Group } from "@/lib/schemas/groups";
import type { Experience } from "@/lib/schemas/experiences";
import type {
  Personalization,
  PersonalizationStatus,
  PersonalizationSummary,
} from "@/lib/schemas/personalizations";
import type { Template } from "@/lib/schemas/templates";
import type { AuditEntry } from "@/lib/schemas/audit";
import type { CatalogAttribute } from "@/lib/schemas/catalog";
import type { Segment } from "@/lib/schemas/segments";
import type { TestProfile } from "@/lib/schemas/test-profiles";

export type ListFilters = { status?: PersonalizationStatus; group?: string };

export const keys = {
  personalizations: (org: string, project: string) => ["personalizations", org, project] as const,
  list: (org: string, project: string, filters: ListFilters) =>
    [...keys.personalizations(org, project), "list", filters] as const,
  detail: (org: string, project: string, id: string) =>
    [...keys.personalizations(org, project), "detail", id] as const,
  audit: (org: string, project: string, id: string) =>
    [...keys.personalizations(org, project), "audit", id] as const,
  templates: (org: string, project: string) => ["templates", org, project] as const,
  groups: (org: string, project: string) => ["groups", org, project] as const,
  eventNames: (org: string, project: string) => ["catalog-events", org, project] as const,
  attributes: (org: string, project: string) => ["catalog-attributes", org, project] as const,
  segments: (org: string, project: string) => ["segments", org, project] as const,
  testProfiles: (org: string, project: string) => ["test-profiles", org, project] as const,
};

/** A list the editors can do without: empty (not an error) when it cannot be loaded. */
async function optional<T>(load: () => Promise<T[]>): Promise<T[]> {
  try {
    return await load();
  } catch {
    return [];
  }
}

export function usePersonalizationList(filters: ListFilters) {
  const { org, project, api } = useConsole();
  return useQuery({
    queryKey: keys.list(org, project, filters),
    queryFn: async () => {
      const qs = new URLSearchParams();
      if (filters.status) qs.set("status", filters.status);
      if (filters.group) qs.set("group", filters.group);
      const query = qs.toString();
      const res = await apiFetch<{ personalizations: PersonalizationSummary[] }>(
        api(`/personalizations${query ? `?${query}` : ""}`),
      );
      return res.personalizations;
    },
  });
}

export function usePersonalization(id: string) {
  const { org, project, api } = useConsole();
  return useQuery({
    queryKey: keys.detail(org, project, id),
    queryFn: () => apiFetch<Personalization>(api(`/personalizations/${encodeURIComponent(id)}`)),
  });
}

export function useTemplates() {
  const { org, project, api } = useConsole();
  return useQuery({
    queryKey: keys.templates(org, project),
    queryFn: async () => (await apiFetch<{ templates: Template[] }>(api("/templates"))).templates,
  });
}

export function useGroups(options: { enabled?: boolean } = {}) {
  const { org, project, api } = useConsole();
  return useQuery({
    queryKey: keys.groups(org, project),
    queryFn: async () => (await apiFetch<{ groups: Group[] }>(api("/groups"))).groups,
    enabled: options.enabled ?? true,
  });
}

/** Event names seen in the project, for metric autocompletion; empty when the catalog is unavailable. */
export function useEventNames() {
  const { org, project, api } = useConsole();
  return useQuery({
    queryKey: keys.eventNames(org, project),
    queryFn: () => optional(async () => (await apiFetch<{ events: { name: string }[] }>(api("/catalog/events?limit=1000"))).events.map((e) => e.name)),
    staleTime: 60_000,
  });
}

/** Attribute paths seen in the project (`user.plan`…), for completion in payloads and audiences. */
export function useAttributeCatalog() {
  const { org, project, api } = useConsole();
  return useQuery({
    queryKey: keys.attributes(org, project),
    queryFn: () => optional(async () => (await apiFetch<{ attributes: CatalogAttribute[] }>(api("/catalog/attributes?limit=1000"))).attributes),
    staleTime: 60_000,
  });
}

/** The project's segments (key and name), for `$segment` conditions. */
export function useSegments() {
  const { org, project, api } = useConsole();
  return useQuery({
    queryKey: keys.segments(org, project),
    queryFn: () => optional(async () => (await apiFetch<{ segments: Segment[] }>(api("/segments"))).segments),
    staleTime: 60_000,
  });
}

/** Saved test profiles, to preview a payload as a given visitor. */
export function useTestProfiles() {
  const { org, project, api } = useConsole();
  return useQuery({
    queryKey: keys.testProfiles(org, project),
    queryFn: () => optional(async () => (await apiFetch<{ testProfiles: TestProfile[] }>(api("/test-profiles"))).testProfiles),
    staleTime: 60_000,
  });
}

export type AuditPage = { entries: AuditEntry[]; nextBefore: number | null };

/** Helpers that keep the cached personalization in step with what a write answered. */
export function usePersonalizationCache(id: string) {
  const { org, project, api } = useConsole();
  const client = useQueryClient();
  const key = keys.detail(org, project, id);
  const fetchLatest = () => apiFetch<Personalization>(api(`/personalizations/${encodeURIComponent(id)}`));
  return {
    key,
    get: () => client.getQueryData<Personalization>(key),
    set: (p: Personalization) => {
      client.setQueryData(key, p);
      void client.invalidateQueries({ queryKey: [...keys.personalizations(org, project), "list"] });
      void client.invalidateQueries({ queryKey: keys.audit(org, project, id) });
    },
    /** An experience write answered `{ experience, version }`. */
    setExperience: (experience: Experience, version: number) => {
      client.setQueryData<Personalization>(key, (old) =>
        old
          ? {
              ...old,
              version,
              experiences: old.experiences.map((e) => (e.id === experience.id ? experience : e)),
            }
          : old,
      );
      void client.invalidateQueries({ queryKey: keys.audit(org, project, id) });
    },
    setVersion: (version: number) =>
      client.setQueryData<Personalization>(key, (old) => (old ? { ...old, version } : old)),
    /** The latest version from the server, also put in the cache. */
    refetch: async () => {
      const latest = await fetchLatest();
      client.setQueryData(key, latest);
      return latest;
    },
    invalidate: () => {
      void client.invalidateQueries({ queryKey: key });
      void client.invalidateQueries({ queryKey: keys.audit(org, project, id) });
      void client.invalidateQueries({ queryKey: [...keys.personalizations(org, project), "list"] });
    },
    invalidateGroups: () => void client.invalidateQueries({ queryKey: keys.groups(org, project) }),
  };
}

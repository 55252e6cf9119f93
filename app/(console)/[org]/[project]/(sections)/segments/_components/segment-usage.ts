"use client";

import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { useConsole } from "@/components/console/console-context";
import { useSegments } from "@/components/preview/audience-queries";
import { apiFetch } from "@/lib/client/api";
import type { Personalization, PersonalizationSummary } from "@/lib/schemas/personalizations";
import type { SegmentReferrer } from "@/lib/schemas/segments";
import { segmentRefs } from "./segment-model";

/** Past this many personalizations the list does not scan audiences (see decision 110). */
export const USAGE_SCAN_LIMIT = 200;

type ExperienceRef = Extract<SegmentReferrer, { type: "experience" }> & { status: Personalization["status"] };

/**
 * Which experiences use which segment keys. The segments API names referrers only when a delete
 * or rename is refused, so the list reads the personalizations (archived too: they can come back)
 * and scans their audiences, as the server does. Its key sits under `personalizations`, so any
 * write there refreshes it.
 */
function useExperienceRefs() {
  const { org, project, api } = useConsole();
  return useQuery({
    queryKey: ["personalizations", org, project, "segment-usage"],
    staleTime: 30_000,
    queryFn: async (): Promise<{ byKey: Map<string, ExperienceRef[]>; complete: boolean }> => {
      const [live, archived] = await Promise.all([
        apiFetch<{ personalizations: PersonalizationSummary[] }>(api("/personalizations")),
        apiFetch<{ personalizations: PersonalizationSummary[] }>(api("/personalizations?status=archived")),
      ]);
      const summaries = [
        ...live.personalizations,
        ...archived.personalizations.filter((p) => !live.personalizations.some((l) => l.id === p.id)),
      ];
      const scanned = summaries.slice(0, USAGE_SCAN_LIMIT);
      const byKey = new Map<string, ExperienceRef[]>();
      // A few at a time: the console should not flood its own server.
      for (let i = 0; i < scanned.length; i += 6) {
        const batch = await Promise.all(
          scanned
            .slice(i, i + 6)
            .map((p) =>
              apiFetch<Personalization>(api(`/personalizations/${encodeURIComponent(p.id)}`)).catch(
                () => null,
              ),
            ),
        );
        for (const p of batch) {
          if (!p) continue;
          for (const e of p.experiences) {
            for (const key of segmentRefs(e.audience)) {
              const list = byKey.get(key) ?? [];
              list.push({
                type: "experience",
                id: e.id,
                name: e.name,
                personalizationId: p.id,
                personalizationName: p.name,
                status: p.status,
              });
              byKey.set(key, list);
            }
          }
        }
      }
      return { byKey, complete: summaries.length <= USAGE_SCAN_LIMIT };
    },
  });
}

export interface SegmentUsage {
  segments: Extract<SegmentReferrer, { type: "segment" }>[];
  experiences: ExperienceRef[];
}

/** For each segment key: the rule segments and the experiences whose conditions name it. */
export function useSegmentUsage(): {
  usage: Map<string, SegmentUsage>;
  loading: boolean;
  failed: boolean;
  complete: boolean;
} {
  const segments = useSegments();
  const experiences = useExperienceRefs();
  const usage = useMemo(() => {
    const map = new Map<string, SegmentUsage>();
    const entry = (key: string) => {
      let u = map.get(key);
      if (!u) {
        u = { segments: [], experiences: [] };
        map.set(key, u);
      }
      return u;
    };
    for (const s of segments.data ?? []) {
      if (s.type !== "rule") continue;
      for (const key of segmentRefs(s.condition))
        if (key !== s.key) entry(key).segments.push({ type: "segment", id: s.id, key: s.key, name: s.name });
    }
    for (const [key, refs] of experiences.data?.byKey ?? []) entry(key).experiences.push(...refs);
    return map;
  }, [segments.data, experiences.data]);
  return {
    usage,
    loading: experiences.isPending,
    failed: experiences.isError,
    complete: experiences.data?.complete ?? true,
  };
}

// The results document through react-query, keyed by personalization and the chosen range and engine.

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useConsole } from "@/components/console/console-context";
import { apiFetch } from "@/lib/client/api";
import type { Results } from "@/lib/schemas/results";
import { apiQuery, type ResultsParams } from "./params";

export function resultsPath(id: string, params: ResultsParams, format: "json" | "csv"): string {
  return `/personalizations/${encodeURIComponent(id)}/${format === "csv" ? "results.csv" : "results"}${apiQuery(params)}`;
}

export function useResults(id: string, params: ResultsParams, options: { enabled?: boolean } = {}) {
  const { org, project, api } = useConsole();
  return useQuery({
    queryKey: ["results", org, project, id, params.from ?? null, params.to ?? null, params.engine],
    queryFn: () => apiFetch<Results>(api(resultsPath(id, params, "json"))),
    // Switching engine or range keeps the last table on screen (dimmed) instead of a skeleton.
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

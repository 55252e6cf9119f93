"use client";

import { useState } from "react";
import { useConsole } from "@/components/console/console-context";
import { jsonEqual } from "@/components/personalizations/json";
import { metricToRow, rowToMetric, type MetricRow } from "@/components/personalizations/metrics";
import { MetricsEditor } from "@/components/personalizations/metrics-editor";
import { useEventNames, usePersonalizationCache } from "@/components/personalizations/queries";
import {
  ConflictNotice,
  ConflictPending,
  useVersionedSave,
} from "@/components/personalizations/versioned-save";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import { metricsPatchSchema } from "@/lib/schemas/metrics";
import type { Personalization } from "@/lib/schemas/personalizations";

const rowsOf = (p: Personalization): MetricRow[] => p.metrics.map(metricToRow);

/** The metrics, edited as a whole list and saved with one PATCH (entries with ids keep their results). */
export function MetricsTab({ p }: { p: Personalization }) {
  const { api, canWrite } = useConsole();
  const cache = usePersonalizationCache(p.id);
  const eventNames = useEventNames();
  const [rows, setRows] = useState<MetricRow[]>(() => rowsOf(p));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const versioned = useVersionedSave<MetricRow[]>({
    current: p,
    pick: rowsOf,
    fetchLatest: cache.refetch,
    isPristine: (base) => jsonEqual(base, rows),
    onSync: setRows,
  });
  const dirty = !jsonEqual(rows, rowsOf(p));

  const save = async (reapply = false) => {
    // The API's own schema for the list: property and aggregation for "value", one primary at most.
    const parsed = metricsPatchSchema.safeParse(rows.map(rowToMetric));
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) next[issue.path.map(String).join(".")] ??= issue.message;
      setErrors(next);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const write = (version: number) =>
        apiFetch<Personalization>(api(`/personalizations/${encodeURIComponent(p.id)}`), {
          method: "PATCH",
          body: { metrics: rows.map(rowToMetric), version },
        });
      const next = reapply ? await versioned.reapply(write) : await versioned.save(write);
      cache.set(next);
      versioned.saved(next.version, rowsOf(next));
      setRows(rowsOf(next));
      toast.success("Metrics saved", {
        description: p.status === "running" ? "Results use them from now on." : undefined,
      });
    } catch (e) {
      if (e instanceof ConflictPending) return;
      if (e instanceof ApiClientError && Object.keys(e.fieldErrors()).length > 0) {
        const next: Record<string, string> = {};
        for (const [path, message] of Object.entries(e.fieldErrors()))
          next[path.replace(/^metrics\.?/, "")] = message;
        setErrors(next);
      } else
        toast.error("Could not save the metrics", {
          description: e instanceof Error ? e.message : undefined,
        });
    } finally {
      setBusy(false);
    }
  };

  const noPrimary = rows.length > 0 && !rows.some((r) => r.primary);

  return (
    <div className="grid max-w-4xl gap-4" id="tab-metrics">
      <p className="text-[13px] text-muted-foreground">
        The primary metric decides whether an experience wins; secondary metrics add context. Starting needs
        exactly one primary metric.
      </p>
      {versioned.conflict ? (
        <ConflictNotice
          conflict={versioned.conflict}
          busy={busy}
          onReapply={() => void save(true)}
          onDiscard={() => {
            const latest = versioned.discard();
            if (latest) setRows(latest);
          }}
        />
      ) : null}
      <MetricsEditor
        value={rows}
        onChange={setRows}
        readOnly={!canWrite}
        eventNames={eventNames.data}
        errorAt={(path) => errors[path]}
      />
      {noPrimary ? (
        <p className="text-[13px] text-warning-foreground">
          No metric is primary: choose one before starting.
        </p>
      ) : null}
      {canWrite ? (
        <div className="flex items-center gap-2">
          <Button onClick={() => void save()} loading={busy} disabled={!dirty || versioned.conflict !== null}>
            Save metrics
          </Button>
          <Button
            variant="ghost"
            disabled={!dirty || busy}
            onClick={() => {
              setRows(rowsOf(p));
              setErrors({});
            }}
          >
            Discard changes
          </Button>
          {dirty ? <span className="text-[13px] text-muted-foreground">Unsaved changes</span> : null}
        </div>
      ) : null}
    </div>
  );
}

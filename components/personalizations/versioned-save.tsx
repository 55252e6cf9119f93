"use client";

// Optimistic concurrency for the console's forms (decision 042, 102). A form remembers the version
// and the part of the personalization it started from. When a save answers 409 version_conflict,
// the latest version is loaded: if nobody touched that part, the save is simply retried on it;
// otherwise the user's draft is kept as typed, what changed is shown, and they choose to re-apply
// their changes on top of the latest version or to take the latest.

import { useState } from "react";
import { RotateCw } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApiClientError } from "@/lib/client/api";
import type { Personalization } from "@/lib/schemas/personalizations";
import { diffJson, type Change } from "./diff";
import { DiffView } from "./diff-view";
import { jsonEqual } from "./json";

export type Conflict<T> = { latest: Personalization; latestValue: T; changes: Change[] };

/** Thrown by `save` when the user must decide; the caller just stops. */
export class ConflictPending extends Error {
  constructor() {
    super("The personalization changed meanwhile.");
    this.name = "ConflictPending";
  }
}

export function isVersionConflict(e: unknown): boolean {
  return e instanceof ApiClientError && e.status === 409 && e.code === "version_conflict";
}

type Base<T> = { version: number; value: T };

export function useVersionedSave<T>({
  current,
  pick,
  fetchLatest,
  isPristine = () => false,
  onSync,
}: {
  /** The personalization as the cache has it now. */
  current: Personalization;
  /** The part of it this form edits. */
  pick: (p: Personalization) => T;
  /** Loads the latest version (and refreshes the cache). */
  fetchLatest: () => Promise<Personalization>;
  /** Whether the form still shows `baseValue` untouched: then a newer version simply replaces it. */
  isPristine?: (baseValue: T) => boolean;
  /** Called (while rendering) with the newer value when an untouched form follows the cache. */
  onSync?: (value: T) => void;
}) {
  const [base, setBase] = useState<Base<T>>(() => ({ version: current.version, value: pick(current) }));
  const [conflict, setConflict] = useState<Conflict<T> | null>(null);

  // An untouched form follows the cache (another tab's or person's save) without asking.
  if (current.version > base.version && !conflict && isPristine(base.value)) {
    const value = pick(current);
    setBase({ version: current.version, value });
    onSync?.(value);
  }

  const save = async <R,>(write: (version: number) => Promise<R>, from: Base<T> = base): Promise<R> => {
    try {
      return await write(from.version);
    } catch (e) {
      if (!isVersionConflict(e)) throw e;
      const latest = await fetchLatest();
      const latestValue = pick(latest);
      if (jsonEqual(latestValue, from.value)) {
        // Nobody touched what this form edits: the save goes on top of the latest version.
        setBase({ version: latest.version, value: latestValue });
        return await write(latest.version);
      }
      setConflict({ latest, latestValue, changes: diffJson(from.value, latestValue) });
      throw new ConflictPending();
    }
  };

  return {
    conflict,
    /** Runs `write(version)`; a 409 is retried when harmless, else becomes `conflict` (and ConflictPending is thrown). */
    save,
    /** After a successful save: the next one starts from what was saved. */
    saved: (version: number, value: T) => {
      setBase({ version, value });
      setConflict(null);
    },
    /** Keep the user's draft and save it on top of the latest version. */
    reapply: <R,>(write: (version: number) => Promise<R>): Promise<R> => {
      if (!conflict) return save(write);
      const from = { version: conflict.latest.version, value: conflict.latestValue };
      setConflict(null);
      setBase(from);
      return save(write, from);
    },
    /** Drop the draft: returns the latest value for the form to show. */
    discard: (): T | undefined => {
      if (!conflict) return undefined;
      setBase({ version: conflict.latest.version, value: conflict.latestValue });
      setConflict(null);
      return conflict.latestValue;
    },
  };
}

/** What the user sees on a stale save: their changes are safe, this is what changed, choose. */
export function ConflictNotice<T>({
  conflict,
  onReapply,
  onDiscard,
  reapplyLabel = "Re-apply my changes",
  busy = false,
  gone,
}: {
  conflict: Conflict<T>;
  onReapply: () => void;
  onDiscard: () => void;
  reapplyLabel?: string;
  busy?: boolean;
  /** Said instead of the diff when what was being edited no longer exists. */
  gone?: string;
}) {
  return (
    <Alert variant="warning" icon={RotateCw}>
      <AlertTitle>
        Someone saved a newer version (v{conflict.latest.version}) while you were editing
      </AlertTitle>
      <AlertDescription className="grid gap-3">
        <p>Your changes are still here, not saved yet. {gone ?? "This is what changed meanwhile:"}</p>
        {gone ? null : (
          <div className="rounded-md border border-warning-border bg-background/70 p-2.5">
            <DiffView changes={conflict.changes} />
          </div>
        )}
        <div className="flex flex-wrap gap-2">
          {gone ? null : (
            <Button type="button" size="sm" onClick={onReapply} loading={busy}>
              {reapplyLabel}
            </Button>
          )}
          <Button type="button" size="sm" variant="outline" onClick={onDiscard} disabled={busy}>
            Discard mine, use the latest
          </Button>
        </div>
      </AlertDescription>
    </Alert>
  );
}

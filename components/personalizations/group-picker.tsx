"use client";

import { useId, useState } from "react";
import { Plus, X } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { groupNameSchema } from "@/lib/schemas/personalization-document";

type GroupPickerProps = {
  id: string;
  value: string[];
  onChange: (groups: string[]) => void;
  /** Names of the project's existing groups, offered as the user types. */
  existing: readonly string[];
  error?: string;
  readOnly?: boolean;
  describedBy?: string;
};

/** Selector groups of a personalization: pick existing ones or name new ones (created on save). */
export function GroupPicker({
  id,
  value,
  onChange,
  existing,
  error,
  readOnly = false,
  describedBy,
}: GroupPickerProps) {
  const listId = useId();
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  const add = () => {
    const name = draft.trim();
    if (!name) return;
    // The same rule as the API: the message names the offending character.
    const parsed = groupNameSchema.safeParse(name);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? "Invalid group name.");
      return;
    }
    setProblem(null);
    setDraft("");
    if (!value.includes(name)) onChange([...value, name]);
  };

  const offered = existing.filter((g) => !value.includes(g));
  const shownError = problem ?? error;

  return (
    <div className="grid gap-2">
      {value.length > 0 ? (
        <ul className="flex flex-wrap gap-1.5" aria-label="Groups">
          {value.map((g) => (
            <li key={g}>
              <Badge variant="primary" className="gap-1 py-1 pr-1 font-mono text-[12px]">
                {g}
                {existing.includes(g) ? null : (
                  <span className="font-sans text-[11px] opacity-70">(new)</span>
                )}
                {readOnly ? null : (
                  <button
                    type="button"
                    className="rounded-full p-0.5 hover:bg-primary/15 focus-ring"
                    aria-label={`Remove from group ${g}`}
                    onClick={() => onChange(value.filter((x) => x !== g))}
                  >
                    <X aria-hidden="true" className="size-3" />
                  </button>
                )}
              </Badge>
            </li>
          ))}
        </ul>
      ) : readOnly ? (
        <p className="text-sm text-muted-foreground">In no group.</p>
      ) : null}
      {readOnly ? null : (
        <div className="flex gap-2">
          <datalist id={listId}>
            {offered.map((g) => (
              <option key={g} value={g} />
            ))}
          </datalist>
          <Input
            id={id}
            list={listId}
            value={draft}
            placeholder={existing.length ? "Choose or name a group" : "Name a group, e.g. homepage"}
            autoComplete="off"
            aria-invalid={shownError ? true : undefined}
            aria-describedby={
              [describedBy, shownError ? `${id}-error` : null].filter(Boolean).join(" ") || undefined
            }
            onChange={(e) => {
              setDraft(e.target.value);
              if (problem) setProblem(null);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                add();
              }
            }}
            className="max-w-xs font-mono"
          />
          <Button type="button" variant="outline" onClick={add} disabled={!draft.trim()}>
            <Plus aria-hidden="true" />
            Add
          </Button>
        </div>
      )}
      {shownError ? (
        <p id={`${id}-error`} role="alert" className="text-[13px] font-medium text-danger">
          {shownError}
        </p>
      ) : null}
    </div>
  );
}

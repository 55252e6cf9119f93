"use client";

import { Fragment } from "react";
import { Plus, SquareStack, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { KIND_HINTS, KIND_LABELS } from "./labels";
import { blankRow, newId, type Combinator, type Group, type Item, type Row, type RowKind } from "./model";
import type { RowProblems } from "./problems";
import { AttributeRowEditor, EventRowEditor, PageRowEditor, RowShell, SegmentRowEditor, type Catalogs } from "./row-editors";

const KINDS: readonly RowKind[] = ["attribute", "event", "segment", "page"];

export interface Rules {
  readonly combinator: Combinator;
  readonly items: readonly Item[];
}

/** The menu that adds a condition of a kind. */
export function AddConditionMenu({ onAdd, label = "Add condition", variant = "outline" }: { onAdd: (kind: RowKind) => void; label?: string; variant?: "outline" | "ghost" }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant={variant} size="sm">
          <Plus aria-hidden="true" />
          {label}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-72">
        {KINDS.map((kind) => (
          <DropdownMenuItem key={kind} onSelect={() => onAdd(kind)} className="flex-col items-start gap-0">
            <span className="font-medium">{KIND_LABELS[kind]}</span>
            <span className="text-xs text-muted-foreground">{KIND_HINTS[kind]}</span>
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function CombinatorSelect({ value, onChange, label, disabled }: { value: Combinator; onChange: (c: Combinator) => void; label: string; disabled: boolean }) {
  return (
    <Select value={value} onValueChange={(v) => onChange(v as Combinator)} disabled={disabled}>
      <SelectTrigger size="sm" className="h-7 w-auto gap-1 px-2 font-medium" aria-label={label}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value="and">all</SelectItem>
        <SelectItem value="or">any</SelectItem>
      </SelectContent>
    </Select>
  );
}

function Connector({ combinator }: { combinator: Combinator }) {
  return (
    <div className="flex items-center gap-2 pl-3 text-[11px] font-semibold tracking-wide text-muted-foreground uppercase" aria-hidden="true">
      <span className="h-3 w-px bg-border-strong" />
      {combinator === "and" ? "and" : "or"}
    </div>
  );
}

function RowEditor({
  row,
  number,
  onChange,
  onRemove,
  catalogs,
  problems,
  disabled,
}: {
  row: Row;
  number: string;
  onChange: (row: Row) => void;
  onRemove: () => void;
  catalogs: Catalogs;
  problems: RowProblems;
  disabled: boolean;
}) {
  return (
    <RowShell row={row} number={number} problems={problems.get(row.id)} onRemove={onRemove} disabled={disabled}>
      {row.kind === "attribute" ? (
        <AttributeRowEditor row={row} onChange={onChange} catalogs={catalogs} disabled={disabled} number={number} />
      ) : row.kind === "page" ? (
        <PageRowEditor row={row} onChange={onChange} disabled={disabled} number={number} />
      ) : row.kind === "segment" ? (
        <SegmentRowEditor row={row} onChange={onChange} catalogs={catalogs} disabled={disabled} number={number} />
      ) : (
        <EventRowEditor row={row} onChange={onChange} catalogs={catalogs} disabled={disabled} number={number} problems={problems} />
      )}
    </RowShell>
  );
}

function GroupEditor({
  group,
  number,
  onChange,
  onRemove,
  catalogs,
  problems,
  disabled,
}: {
  group: Group;
  number: string;
  onChange: (group: Group | null) => void;
  onRemove: () => void;
  catalogs: Catalogs;
  problems: RowProblems;
  disabled: boolean;
}) {
  const setItems = (items: readonly Row[]) => onChange(items.length === 0 ? null : { ...group, items });
  return (
    <fieldset className="relative grid min-w-0 gap-2 rounded-xl border border-dashed border-border-strong bg-subtle/70 p-2 sm:p-3">
      <legend className="sr-only">Group {number}</legend>
      <div className="flex flex-wrap items-center gap-1.5 pr-9 text-[13px] text-muted-foreground">
        <SquareStack aria-hidden="true" className="size-3.5" />
        Group: match
        <CombinatorSelect value={group.combinator} onChange={(combinator) => onChange({ ...group, combinator })} label={`Group ${number}: match all or any`} disabled={disabled} />
        of these
      </div>
      {group.items.map((row, i) => (
        <Fragment key={row.id}>
          {i > 0 ? <Connector combinator={group.combinator} /> : null}
          <RowEditor
            row={row}
            number={`${number}.${i + 1}`}
            onChange={(next) => setItems(group.items.map((r) => (r.id === row.id ? next : r)))}
            onRemove={() => setItems(group.items.filter((r) => r.id !== row.id))}
            catalogs={catalogs}
            problems={problems}
            disabled={disabled}
          />
        </Fragment>
      ))}
      {problems.get(group.id)?.map((p) => (
        <p key={p} className="text-[13px] text-danger">
          {p}
        </p>
      ))}
      {disabled ? null : (
        <>
          <div>
            <AddConditionMenu label="Add to group" variant="ghost" onAdd={(kind) => setItems([...group.items, blankRow(kind)])} />
          </div>
          <Button variant="ghost" size="icon-sm" className="absolute top-2 right-2 text-muted-foreground hover:text-danger" onClick={onRemove} aria-label={`Remove group ${number}`}>
            <Trash2 aria-hidden="true" />
          </Button>
        </>
      )}
    </fieldset>
  );
}

/** The rows and groups of an audience, with the AND/OR of each level. */
export function RulesEditor({
  rules,
  onChange,
  catalogs,
  problems,
  disabled,
}: {
  rules: Rules;
  /** `null` when the last condition was removed. */
  onChange: (rules: Rules | null) => void;
  catalogs: Catalogs;
  problems: RowProblems;
  disabled: boolean;
}) {
  const setItems = (items: readonly Item[]) => onChange(items.length === 0 ? null : { ...rules, items });
  const replace = (id: string, next: Item | null) => setItems(rules.items.flatMap((item) => (item.id === id ? (next === null ? [] : [next]) : [item])));
  return (
    <div className="grid gap-2">
      {rules.items.length > 1 ? (
        <div className="flex flex-wrap items-center gap-1.5 text-[13px] text-muted-foreground">
          Visitors who match
          <CombinatorSelect value={rules.combinator} onChange={(combinator) => onChange({ ...rules, combinator })} label="Match all or any of the conditions" disabled={disabled} />
          of these conditions
        </div>
      ) : null}
      {rules.items.map((item, i) => (
        <Fragment key={item.id}>
          {i > 0 ? <Connector combinator={rules.combinator} /> : null}
          {item.kind === "group" ? (
            <GroupEditor
              group={item}
              number={String(i + 1)}
              onChange={(next) => replace(item.id, next)}
              onRemove={() => replace(item.id, null)}
              catalogs={catalogs}
              problems={problems}
              disabled={disabled}
            />
          ) : (
            <RowEditor
              row={item}
              number={String(i + 1)}
              onChange={(next) => replace(item.id, next)}
              onRemove={() => replace(item.id, null)}
              catalogs={catalogs}
              problems={problems}
              disabled={disabled}
            />
          )}
        </Fragment>
      ))}
      {disabled ? null : (
        <div className="flex flex-wrap gap-2 pt-1">
          <AddConditionMenu onAdd={(kind) => setItems([...rules.items, blankRow(kind)])} />
          <Button
            variant="ghost"
            size="sm"
            onClick={() =>
              setItems([...rules.items, { kind: "group", id: newId("g"), combinator: rules.combinator === "and" ? "or" : "and", items: [blankRow("attribute")] }])
            }
          >
            <SquareStack aria-hidden="true" />
            Add group
          </Button>
        </div>
      )}
    </div>
  );
}

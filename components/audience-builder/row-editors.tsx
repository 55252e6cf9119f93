"use client";

import { useId, type ComponentType, type ReactNode, type SVGProps } from "react";
import { Globe, Plus, Trash2, UserRound, Users, X, Zap } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { cn } from "@/lib/utils/cn";
import { COUNT_LABELS, KIND_LABELS, PAGE_FIELD_LABELS, UNIT_LABELS } from "./labels";
import {
  COUNT_OPS,
  PAGE_FIELDS,
  WINDOW_UNITS,
  blankWhere,
  isPagePath,
  valueTypeOf,
  withType,
  type AttributeRow,
  type CountOp,
  type EventRow,
  type PageField,
  type PageRow,
  type Row,
  type SegmentRow,
  type WhereRow,
  type WindowUnit,
} from "./model";
import { NumberInput, ValueTestEditor } from "./value-editor";

export interface AttributeEntry {
  readonly path: string;
  readonly type: string;
}

export interface EventEntry {
  readonly name: string;
  /** Properties seen on this event, for `where` suggestions. */
  readonly properties?: readonly AttributeEntry[];
}

export interface SegmentEntry {
  readonly key: string;
  readonly name: string;
}

export interface Catalogs {
  readonly attributes: readonly AttributeEntry[];
  readonly events: readonly EventEntry[];
  readonly segments: readonly SegmentEntry[] | null;
}

const KIND_ICONS: Record<Row["kind"], ComponentType<SVGProps<SVGSVGElement>>> = {
  attribute: UserRound,
  event: Zap,
  segment: Users,
  page: Globe,
};

const fieldRow = "flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center";

/** The frame of one condition: its kind, its fields, its problems, and a remove button. */
export function RowShell({
  row,
  number,
  problems,
  onRemove,
  disabled,
  children,
}: {
  row: Row;
  number: string;
  problems: readonly string[] | undefined;
  onRemove: () => void;
  disabled: boolean;
  children: ReactNode;
}) {
  const Icon = KIND_ICONS[row.kind];
  const errorId = useId();
  const hasProblems = problems !== undefined && problems.length > 0;
  return (
    <fieldset
      className={cn("group/row relative grid min-w-0 gap-2 rounded-lg border bg-background p-3 pr-11", hasProblems ? "border-danger-border" : "border-border")}
      aria-describedby={hasProblems ? errorId : undefined}
      data-row-kind={row.kind}
    >
      <legend className="sr-only">
        Condition {number}: {KIND_LABELS[row.kind]}
      </legend>
      <div className="flex items-center gap-1.5 text-xs font-medium text-muted-foreground" aria-hidden="true">
        <Icon className="size-3.5" />
        {KIND_LABELS[row.kind]}
      </div>
      {children}
      {hasProblems ? (
        <ul id={errorId} className="grid gap-0.5 text-[13px] text-danger">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {disabled ? null : (
        <Button variant="ghost" size="icon-sm" className="absolute top-2 right-2 text-muted-foreground hover:text-danger" onClick={onRemove} aria-label={`Remove condition ${number}`}>
          <Trash2 aria-hidden="true" />
        </Button>
      )}
    </fieldset>
  );
}

function SmallSelect<T extends string>({
  value,
  onChange,
  options,
  label,
  disabled,
  className,
}: {
  value: T;
  onChange: (value: T) => void;
  options: readonly (readonly [T, string])[];
  label: string;
  disabled: boolean;
  className?: string;
}) {
  return (
    <Select value={value} onValueChange={(v) => onChange(v as T)} disabled={disabled}>
      <SelectTrigger size="sm" className={className} aria-label={label}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {options.map(([v, text]) => (
          <SelectItem key={v} value={v}>
            {text}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

function PathInput({
  value,
  onChange,
  options,
  label,
  placeholder,
  disabled,
}: {
  value: string;
  onChange: (value: string) => void;
  options: readonly AttributeEntry[];
  label: string;
  placeholder: string;
  disabled: boolean;
}) {
  const listId = useId();
  return (
    <>
      <Input
        list={listId}
        className="h-8 font-mono text-[13px] sm:w-52"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        aria-label={label}
        spellCheck={false}
        autoComplete="off"
        disabled={disabled}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.path} value={o.path}>
            {o.type}
          </option>
        ))}
      </datalist>
    </>
  );
}

/** A path's type from the catalog, applied to the test when the path is a catalog entry. */
function typedFor<T extends { path: string; test: AttributeRow["test"] }>(row: T, path: string, entries: readonly AttributeEntry[]): T {
  const type = valueTypeOf(entries.find((a) => a.path === path)?.type);
  return { ...row, path, test: type === undefined ? row.test : withType(row.test, type) };
}

export function AttributeRowEditor({ row, onChange, catalogs, disabled, number }: { row: AttributeRow; onChange: (row: Row) => void; catalogs: Catalogs; disabled: boolean; number: string }) {
  const options = catalogs.attributes.filter((a) => !isPagePath(a.path));
  return (
    <div className={fieldRow}>
      <PathInput
        value={row.path}
        onChange={(path) => onChange(typedFor(row, path, options))}
        options={options}
        label={`Attribute of condition ${number}`}
        placeholder="user.plan"
        disabled={disabled}
      />
      <ValueTestEditor test={row.test} onChange={(test) => onChange({ ...row, test })} label={row.path || `condition ${number}`} disabled={disabled} />
    </div>
  );
}

export function PageRowEditor({ row, onChange, disabled, number }: { row: PageRow; onChange: (row: Row) => void; disabled: boolean; number: string }) {
  const label = row.field === "query" ? `query parameter ${row.param || ""}`.trim() : PAGE_FIELD_LABELS[row.field].toLowerCase();
  return (
    <div className={fieldRow}>
      <SmallSelect<PageField>
        value={row.field}
        onChange={(field) => onChange({ ...row, field, param: field === "query" ? row.param : "" })}
        options={PAGE_FIELDS.map((f) => [f, PAGE_FIELD_LABELS[f]] as const)}
        label={`Page field of condition ${number}`}
        disabled={disabled}
        className="sm:w-40"
      />
      {row.field === "query" ? (
        <Input
          className="h-8 font-mono text-[13px] sm:w-36"
          value={row.param}
          onChange={(e) => onChange({ ...row, param: e.target.value })}
          placeholder="utm_source"
          aria-label={`Query parameter of condition ${number}`}
          spellCheck={false}
          disabled={disabled}
        />
      ) : null}
      <ValueTestEditor test={row.test} onChange={(test) => onChange({ ...row, test })} label={label} disabled={disabled} pageOnly />
    </div>
  );
}

export function SegmentRowEditor({ row, onChange, catalogs, disabled, number }: { row: SegmentRow; onChange: (row: Row) => void; catalogs: Catalogs; disabled: boolean; number: string }) {
  const segments = catalogs.segments;
  const known = segments?.some((s) => s.key === row.key) ?? false;
  return (
    <div className={fieldRow}>
      <SmallSelect<"in" | "out">
        value={row.member ? "in" : "out"}
        onChange={(v) => onChange({ ...row, member: v === "in" })}
        options={[
          ["in", "is in"],
          ["out", "is not in"],
        ]}
        label={`Membership of condition ${number}`}
        disabled={disabled}
        className="sm:w-32"
      />
      {segments === null ? (
        <Input
          className="h-8 font-mono text-[13px] sm:w-52"
          value={row.key}
          onChange={(e) => onChange({ ...row, key: e.target.value })}
          placeholder="segment key"
          aria-label={`Segment of condition ${number}`}
          disabled={disabled}
        />
      ) : (
        <Select value={row.key === "" ? undefined : row.key} onValueChange={(key) => onChange({ ...row, key })} disabled={disabled}>
          <SelectTrigger size="sm" className="sm:w-60" aria-label={`Segment of condition ${number}`}>
            <SelectValue placeholder={segments.length === 0 ? "No segments yet" : "Choose a segment"} />
          </SelectTrigger>
          <SelectContent>
            {row.key !== "" && !known ? <SelectItem value={row.key}>{`${row.key} (unknown segment)`}</SelectItem> : null}
            {segments.map((s) => (
              <SelectItem key={s.key} value={s.key}>
                {s.name === s.key ? s.name : `${s.name} (${s.key})`}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      )}
    </div>
  );
}

type CountChoice = CountOp | "once";
type WindowChoice = "ever" | "within";

export function EventRowEditor({
  row,
  onChange,
  catalogs,
  disabled,
  number,
  problems,
}: {
  row: EventRow;
  onChange: (row: Row) => void;
  catalogs: Catalogs;
  disabled: boolean;
  number: string;
  problems: ReadonlyMap<string, string[]>;
}) {
  const listId = useId();
  const properties = catalogs.events.find((e) => e.name === row.name)?.properties ?? [];
  const setWhere = (where: WhereRow[]) => onChange({ ...row, where });
  const count: CountChoice = row.count === null ? "once" : row.count.op;
  return (
    <div className="grid gap-2">
      <div className={fieldRow}>
        <SmallSelect<"did" | "not">
          value={row.did ? "did" : "not"}
          onChange={(v) => onChange({ ...row, did: v === "did" })}
          options={[
            ["did", "did"],
            ["not", "did not do"],
          ]}
          label={`Did or did not, condition ${number}`}
          disabled={disabled}
          className="sm:w-32"
        />
        <Input
          list={listId}
          className="h-8 font-mono text-[13px] sm:w-52"
          value={row.name}
          onChange={(e) => onChange({ ...row, name: e.target.value })}
          placeholder="purchase"
          aria-label={`Event name of condition ${number}`}
          spellCheck={false}
          autoComplete="off"
          disabled={disabled}
        />
        <datalist id={listId}>
          {catalogs.events.map((e) => (
            <option key={e.name} value={e.name} />
          ))}
        </datalist>
      </div>
      <div className={fieldRow}>
        <SmallSelect<CountChoice>
          value={count}
          onChange={(op) => onChange({ ...row, count: op === "once" ? null : { op, value: row.count?.value ?? 1, to: op === "between" ? (row.count?.to ?? null) : null } })}
          options={(["once", ...COUNT_OPS] as const).map((op) => [op, COUNT_LABELS[op]] as const)}
          label={`How many times, condition ${number}`}
          disabled={disabled}
          className="sm:w-36"
        />
        {row.count !== null ? (
          <span className="flex items-center gap-2">
            <NumberInput value={row.count.value} onChange={(value) => row.count && onChange({ ...row, count: { ...row.count, value } })} label={`Count of condition ${number}`} disabled={disabled} min={0} className="w-20" />
            {row.count.op === "between" ? (
              <>
                <span className="text-[13px] text-muted-foreground">and</span>
                <NumberInput value={row.count.to} onChange={(to) => row.count && onChange({ ...row, count: { ...row.count, to } })} label={`Highest count of condition ${number}`} disabled={disabled} min={0} className="w-20" />
              </>
            ) : null}
            <span className="text-[13px] text-muted-foreground">times</span>
          </span>
        ) : null}
        <SmallSelect<WindowChoice>
          value={row.within === null ? "ever" : "within"}
          onChange={(v) => onChange({ ...row, within: v === "ever" ? null : { amount: 30, unit: "days" } })}
          options={[
            ["ever", "ever"],
            ["within", "in the last"],
          ]}
          label={`Time window of condition ${number}`}
          disabled={disabled}
          className="sm:w-32"
        />
        {row.within !== null ? (
          <span className="flex items-center gap-2">
            <NumberInput value={row.within.amount} onChange={(amount) => row.within && onChange({ ...row, within: { ...row.within, amount } })} label={`Window length of condition ${number}`} disabled={disabled} min={1} className="w-20" />
            <SmallSelect<WindowUnit>
              value={row.within.unit}
              onChange={(unit) => row.within && onChange({ ...row, within: { ...row.within, unit } })}
              options={WINDOW_UNITS.map((u) => [u, UNIT_LABELS[u]] as const)}
              label={`Window unit of condition ${number}`}
              disabled={disabled}
              className="sm:w-28"
            />
          </span>
        ) : null}
      </div>
      {row.where.length > 0 ? (
        <ul className="grid gap-2 border-l-2 border-border pl-3" aria-label={`Property filters of condition ${number}`}>
          {row.where.map((w, i) => {
            const whereProblems = problems.get(w.id);
            return (
              <li key={w.id} className="grid gap-1">
                <div className={fieldRow}>
                  <span className="text-[13px] text-muted-foreground">{i === 0 ? "where" : "and"}</span>
                  <PathInput
                    value={w.path}
                    onChange={(path) => setWhere(row.where.map((x) => (x.id === w.id ? typedFor(x, path, properties) : x)))}
                    options={properties}
                    label={`Property of filter ${i + 1}, condition ${number}`}
                    placeholder="amount"
                    disabled={disabled}
                  />
                  <ValueTestEditor
                    test={w.test}
                    onChange={(test) => setWhere(row.where.map((x) => (x.id === w.id ? { ...x, test } : x)))}
                    label={w.path || `filter ${i + 1}`}
                    disabled={disabled}
                  />
                  {disabled ? null : (
                    <Button variant="ghost" size="icon-sm" onClick={() => setWhere(row.where.filter((x) => x.id !== w.id))} aria-label={`Remove filter ${i + 1} of condition ${number}`}>
                      <X aria-hidden="true" />
                    </Button>
                  )}
                </div>
                {whereProblems && whereProblems.length > 0 ? <p className="text-[13px] text-danger">{whereProblems.join(" ")}</p> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {disabled ? null : (
        <div>
          <Button variant="ghost" size="sm" className="-ml-2 text-muted-foreground" onClick={() => setWhere([...row.where, blankWhere()])}>
            <Plus aria-hidden="true" />
            Filter by property
          </Button>
        </div>
      )}
    </div>
  );
}

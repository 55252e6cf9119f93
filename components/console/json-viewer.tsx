"use client";

import { useState, type ReactNode } from "react";
import { ChevronRight } from "lucide-react";
import { cn } from "@/lib/utils/cn";

type JsonViewerProps = {
  value: unknown;
  /** Levels open at first (default 2). */
  expandDepth?: number;
  /** Shown when the value is an empty object or array. */
  emptyText?: string;
  className?: string;
};

/**
 * A read-only, collapsible JSON tree: objects and arrays fold with a button (keyboard: Tab, Enter),
 * strings, numbers, booleans and null are coloured by type, long strings wrap.
 */
export function JsonViewer({
  value,
  expandDepth = 2,
  emptyText = "Nothing here yet.",
  className,
}: JsonViewerProps) {
  const empty = isContainer(value) && entries(value).length === 0;
  return (
    <div
      className={cn(
        "overflow-x-auto rounded-lg border bg-subtle p-3 font-mono text-[12.5px] leading-5",
        className,
      )}
    >
      {empty ? (
        <p className="font-sans text-sm text-muted-foreground">{emptyText}</p>
      ) : (
        <JsonNode value={value} depth={0} expandDepth={expandDepth} />
      )}
    </div>
  );
}

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === "object" && value !== null;
}

function entries(value: Container): [string, unknown][] {
  return Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
}

function JsonNode({
  value,
  depth,
  expandDepth,
  name,
}: {
  value: unknown;
  depth: number;
  expandDepth: number;
  name?: ReactNode;
}) {
  const [open, setOpen] = useState(depth < expandDepth);
  if (!isContainer(value)) {
    return (
      <div className="flex min-w-0 gap-1.5 py-px pl-5">
        {name}
        <Primitive value={value} />
      </div>
    );
  }
  const list = entries(value);
  const [openBrace, closeBrace] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  const summary = Array.isArray(value)
    ? `${list.length} item${list.length === 1 ? "" : "s"}`
    : `${list.length} key${list.length === 1 ? "" : "s"}`;
  if (list.length === 0) {
    return (
      <div className="flex gap-1.5 py-px pl-5">
        {name}
        <span className="text-muted-foreground">
          {openBrace}
          {closeBrace}
        </span>
      </div>
    );
  }
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="flex max-w-full items-center gap-1.5 rounded py-px text-left hover:bg-muted focus-ring"
      >
        <ChevronRight
          aria-hidden="true"
          className={cn("size-3.5 shrink-0 text-muted-foreground transition-transform", open && "rotate-90")}
        />
        {name}
        <span className="text-muted-foreground">
          {openBrace}
          {open ? null : <span className="px-1 font-sans text-xs">{summary}</span>}
          {open ? null : closeBrace}
        </span>
      </button>
      {open ? (
        <div className="ml-[7px] border-l border-border pl-2">
          {list.map(([key, child]) => (
            <JsonNode
              key={key}
              value={child}
              depth={depth + 1}
              expandDepth={expandDepth}
              name={
                <span className="shrink-0 text-primary-subtle-foreground">
                  {Array.isArray(value) ? key : JSON.stringify(key)}:
                </span>
              }
            />
          ))}
        </div>
      ) : null}
      {open ? <div className="pl-5 text-muted-foreground">{closeBrace}</div> : null}
    </div>
  );
}

function Primitive({ value }: { value: unknown }) {
  if (typeof value === "string")
    return <span className="min-w-0 break-all text-success-foreground">{JSON.stringify(value)}</span>;
  if (typeof value === "number") return <span className="text-info-foreground">{String(value)}</span>;
  if (typeof value === "boolean") return <span className="text-warning-foreground">{String(value)}</span>;
  if (value === null) return <span className="text-muted-foreground">null</span>;
  return <span className="text-muted-foreground">{String(value)}</span>;
}

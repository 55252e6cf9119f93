import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";
import { PassMark } from "./pass-mark";
import { countWords, durationWords, formatValue, isMissing, operatorWords } from "./trace-format";
import type { ConditionTrace } from "./types";

type ConditionTraceViewProps = {
  trace: ConditionTrace;
  /** The node to highlight as the reason the condition failed (see `firstFailingNode`). */
  highlight?: ConditionTrace | null;
  className?: string;
};

/**
 * An audience condition as a tree of checks: each leaf says what it asked (path, operator,
 * expected value) and what the visitor had, with a green or red marker. Groups (all / any / none /
 * not, rule segments) indent their children. The first failing rule is outlined in red.
 */
export function ConditionTraceView({ trace, highlight = null, className }: ConditionTraceViewProps) {
  return (
    <ul role="tree" aria-label="Audience conditions" className={cn("grid gap-1 text-[13px]", className)}>
      <Node node={trace} highlight={highlight} />
    </ul>
  );
}

function Node({ node, highlight }: { node: ConditionTrace; highlight: ConditionTrace | null }) {
  const isHighlight = node === highlight;
  const children = childrenOf(node);
  return (
    <li
      role="treeitem"
      aria-selected={false}
      aria-expanded={children.length > 0 ? true : undefined}
      className="grid gap-1"
    >
      <div
        data-trace-node={node.kind}
        data-passed={node.passed}
        data-first-failure={isHighlight || undefined}
        className={cn(
          "flex min-w-0 items-start gap-2 rounded-md px-2 py-1.5",
          isHighlight
            ? "bg-danger-subtle ring-1 ring-danger-border"
            : node.kind === "field" || node.kind === "event"
              ? "bg-subtle"
              : "",
        )}
      >
        <PassMark passed={node.passed} className="mt-0.5" />
        <div className="min-w-0 flex-1">
          <NodeText node={node} />
          {isHighlight ? (
            <p className="mt-0.5 text-xs font-medium text-danger-foreground">
              This is the first rule that failed.
            </p>
          ) : null}
        </div>
      </div>
      {children.length > 0 ? (
        <ul role="group" className="ml-[15px] grid gap-1 border-l border-border pl-3">
          {children.map((child, i) => (
            <Node key={i} node={child} highlight={highlight} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function childrenOf(node: ConditionTrace): readonly ConditionTrace[] {
  switch (node.kind) {
    case "all":
    case "and":
    case "or":
    case "nor":
      return node.children;
    case "not":
      return [node.child];
    case "segment":
      return node.condition ? [node.condition] : [];
    default:
      return [];
  }
}

function Code({
  children,
  tone = "default",
}: {
  children: ReactNode;
  tone?: "default" | "actual-ok" | "actual-bad" | "muted";
}) {
  return (
    <code
      className={cn(
        "rounded px-1 py-px font-mono text-[12px] break-all",
        tone === "default" && "bg-muted text-foreground",
        tone === "actual-ok" && "bg-success-subtle text-success-foreground",
        tone === "actual-bad" && "bg-danger-subtle text-danger-foreground",
        tone === "muted" && "text-muted-foreground",
      )}
    >
      {children}
    </code>
  );
}

function Actual({ passed, children }: { passed: boolean; children: ReactNode }) {
  return (
    <span className="mt-0.5 flex flex-wrap items-baseline gap-x-1.5 text-xs text-muted-foreground sm:mt-0 sm:ml-auto sm:pl-3">
      <span>Visitor:</span>
      <Code tone={passed ? "actual-ok" : "actual-bad"}>{children}</Code>
    </span>
  );
}

function NodeText({ node }: { node: ConditionTrace }) {
  switch (node.kind) {
    case "field":
      return (
        <div className="flex flex-col gap-x-1.5 sm:flex-row sm:flex-wrap sm:items-baseline">
          <span className="flex flex-wrap items-baseline gap-x-1.5">
            <Code>{node.path}</Code>
            <span className="text-muted-foreground" title={node.operator === "=" ? "equals" : node.operator}>
              {operatorWords(node.operator)}
            </span>
            {node.operator === "$exists" && node.expected === true ? null : (
              <Code>{formatValue(node.expected, 120)}</Code>
            )}
          </span>
          <Actual passed={node.passed}>
            {isMissing(node.actual) ? "missing" : formatValue(node.actual, 120)}
          </Actual>
        </div>
      );
    case "all":
    case "and":
    case "or":
    case "nor": {
      const passedCount = node.children.filter((c) => c.passed).length;
      const word = node.kind === "or" ? "Any" : node.kind === "nor" ? "None" : "All";
      return (
        <span className="flex flex-wrap items-baseline gap-x-2">
          <span className="font-medium">{word} of these</span>
          <span className="text-xs text-muted-foreground">
            {passedCount} of {node.children.length} passed
          </span>
        </span>
      );
    }
    case "not":
      return <span className="font-medium">Not the following</span>;
    case "segment":
      return (
        <span className="flex flex-wrap items-baseline gap-x-1.5">
          <span>In segment</span>
          <Code>{node.key}</Code>
          <span className="text-xs text-muted-foreground">
            {node.segmentType === "static"
              ? node.passed
                ? "(on the static list)"
                : "(not on the static list)"
              : node.segmentType === "rule"
                ? "(rule segment, evaluated below)"
                : node.segmentType === "cycle"
                  ? "(refers back to itself: evaluated as false)"
                  : "(no such segment: evaluated as false)"}
          </span>
        </span>
      );
    case "event":
      return (
        <div className="flex flex-col gap-x-1.5 sm:flex-row sm:flex-wrap sm:items-baseline">
          <span className="flex flex-wrap items-baseline gap-x-1.5">
            <span>Did</span>
            <Code>{node.name}</Code>
            <span className="text-muted-foreground">
              {countWords(node.expected)}{" "}
              {node.withinMs === null ? "(any time)" : `in the last ${durationWords(node.withinMs)}`}
            </span>
          </span>
          <Actual passed={node.passed}>
            {node.actual} time{node.actual === 1 ? "" : "s"}
          </Actual>
        </div>
      );
    case "everyone":
      return <span>Everyone</span>;
    case "invalid":
      return (
        <span>
          Invalid condition
          {node.path ? (
            <>
              {" "}
              at <Code>{node.path}</Code>
            </>
          ) : null}
          : {node.message}
        </span>
      );
  }
}

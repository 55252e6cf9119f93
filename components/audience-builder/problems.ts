import type { ConditionProblem } from "@/lib/engine";
import { operandKind, type AudienceModel, type Item, type Row, type RowPaths, type ValueTest, type WhereRow } from "./model";

/**
 * Puts problems next to the rows they concern: the builder's own checks (an attribute not
 * chosen yet, an empty list) in words for the row, and the engine's `validateCondition` problems
 * matched by JSON path (the longest row path that is a prefix of the problem's path wins).
 */
export type RowProblems = Map<string, string[]>;

export function testProblem(test: ValueTest): string | null {
  switch (operandKind(test.type, test.op)) {
    case "number":
      return test.value === null ? "Enter a number." : null;
    case "range":
      if (test.value === null || test.to === null) return "Enter both bounds.";
      return typeof test.value === "number" && test.value > test.to ? "The lower bound is above the upper bound." : null;
    case "texts":
    case "numbers":
      return test.values.length === 0 ? "Add at least one value." : null;
    case "text":
      return test.type === "version" && test.value === "" ? "Enter a version such as 2.1.0." : null;
    default:
      return null;
  }
}

function pathProblem(path: string, what: string): string | null {
  if (path.trim() === "") return `Choose ${what}.`;
  if (path.startsWith("$")) return `${what[0].toUpperCase()}${what.slice(1)} cannot start with $.`;
  if (path.split(".").some((part) => part === "")) return `"${path}" has an empty part between dots.`;
  return null;
}

function localProblems(row: Row | WhereRow, kind: Row["kind"] | "where"): string[] {
  const out: string[] = [];
  const push = (p: string | null) => {
    if (p !== null) out.push(p);
  };
  if (kind === "where" && "path" in row && "test" in row) {
    push(pathProblem(row.path, "a property"));
    push(testProblem(row.test));
    return out;
  }
  const r = row as Row;
  switch (r.kind) {
    case "attribute":
      push(pathProblem(r.path, "an attribute"));
      push(testProblem(r.test));
      break;
    case "page":
      if (r.field === "query") push(r.param.trim() === "" ? "Name the query parameter." : null);
      push(testProblem(r.test));
      break;
    case "event":
      push(r.name.trim() === "" ? "Choose an event." : null);
      if (r.count !== null) {
        if (r.count.value === null || (r.count.op === "between" && r.count.to === null)) push("Enter how many times.");
        else if (r.count.op === "between" && r.count.to !== null && r.count.value > r.count.to) push("The lower count is above the upper one.");
      }
      if (r.within !== null && (r.within.amount === null || r.within.amount <= 0)) push("Enter a time window above 0.");
      break;
    case "segment":
      push(r.key === "" ? "Choose a segment." : null);
      break;
  }
  return out;
}

function rowsOf(items: readonly Item[]): Row[] {
  return items.flatMap((item) => (item.kind === "group" ? [...item.items] : [item]));
}

/** Problems per row id (and where-row id); `general` holds what matched no row. */
export function problemsByRow(model: AudienceModel, paths: RowPaths, problems: readonly ConditionProblem[]): { rows: RowProblems; general: string[] } {
  const rows: RowProblems = new Map();
  const general: string[] = [];
  if (model.kind !== "rules") return { rows, general: problems.map((p) => p.message) };
  const add = (id: string, message: string) => {
    const list = rows.get(id) ?? [];
    if (!list.includes(message)) list.push(message);
    rows.set(id, list);
  };
  for (const row of rowsOf(model.items)) {
    for (const p of localProblems(row, row.kind)) add(row.id, p);
    if (row.kind === "event") for (const w of row.where) for (const p of localProblems(w, "where")) add(w.id, p);
  }
  const candidates = [...paths.entries()].sort((a, b) => b[1].length - a[1].length);
  for (const problem of problems) {
    const match = candidates.find(([, at]) => at === "" || problem.path === at || problem.path.startsWith(`${at}.`));
    if (match === undefined) general.push(problem.message);
    // The builder's own words already say it for this row.
    else if (!rows.has(match[0])) add(match[0], sentence(problem.message));
  }
  return { rows, general };
}

function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

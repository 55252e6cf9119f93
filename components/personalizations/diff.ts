// A readable before/after diff of two JSON values: one line per changed leaf, with its path.
// Lists of objects with an `id` (experiences, metrics) are matched by id, so a reorder or an edit
// of one entry reads as that, not as every later entry changing.

import { isPlainObject, jsonEqual } from "./json";

export type Change =
  | { kind: "added"; path: string; after: unknown }
  | { kind: "removed"; path: string; before: unknown }
  | { kind: "changed"; path: string; before: unknown; after: unknown }
  | { kind: "moved"; path: string; from: number; to: number };

/** Fields that change on every write and say nothing to a reader. */
const NOISE = new Set(["updatedAt", "createdAt", "version"]);

function label(item: unknown, fallback: string): string {
  if (isPlainObject(item)) {
    if (typeof item.name === "string" && item.name) return item.name;
    if (typeof item.event === "string") return item.event;
  }
  return fallback;
}

function hasIds(list: unknown[]): list is Record<string, unknown>[] {
  return list.length > 0 && list.every((x) => isPlainObject(x) && typeof x.id === "string");
}

function join(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

export function diffJson(
  before: unknown,
  after: unknown,
  path = "",
  out: Change[] = [],
  options: { ignore?: ReadonlySet<string> } = {},
): Change[] {
  const ignore = options.ignore ?? NOISE;
  if (jsonEqual(before, after)) return out;
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const key of keys) {
      if (ignore.has(key)) continue;
      const p = join(path, key);
      if (!(key in before) || before[key] === undefined) {
        if (after[key] !== undefined) out.push({ kind: "added", path: p, after: after[key] });
      } else if (!(key in after) || after[key] === undefined)
        out.push({ kind: "removed", path: p, before: before[key] });
      else diffJson(before[key], after[key], p, out, options);
    }
    return out;
  }
  if (
    Array.isArray(before) &&
    Array.isArray(after) &&
    (hasIds(before) || hasIds(after)) &&
    (before.length === 0 || hasIds(before)) &&
    (after.length === 0 || hasIds(after))
  ) {
    const beforeIds = before.map((x) => (x as Record<string, unknown>).id as string);
    const afterIds = after.map((x) => (x as Record<string, unknown>).id as string);
    // A move is a change of rank among the entries both sides have, so a removal above is not one.
    const beforeCommon = beforeIds.filter((id) => afterIds.includes(id));
    const afterCommon = afterIds.filter((id) => beforeIds.includes(id));
    before.forEach((item, i) => {
      const id = beforeIds[i];
      const j = afterIds.indexOf(id);
      const name = `${path}[${label(item, id)}]`;
      if (j < 0) out.push({ kind: "removed", path: name, before: item });
      else {
        if (beforeCommon.indexOf(id) !== afterCommon.indexOf(id))
          out.push({ kind: "moved", path: name, from: i + 1, to: j + 1 });
        diffJson(item, after[j], name, out, { ignore: new Set([...ignore, "priority"]) });
      }
    });
    after.forEach((item, j) => {
      if (!beforeIds.includes(afterIds[j]))
        out.push({ kind: "added", path: `${path}[${label(item, afterIds[j])}]`, after: item });
    });
    return out;
  }
  if (before === undefined || before === null) {
    if (after !== null && after !== undefined) out.push({ kind: "added", path: path || "(value)", after });
    else out.push({ kind: "changed", path: path || "(value)", before, after });
    return out;
  }
  if (after === undefined) {
    out.push({ kind: "removed", path: path || "(value)", before });
    return out;
  }
  out.push({ kind: "changed", path: path || "(value)", before, after });
  return out;
}

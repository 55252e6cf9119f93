// JSON text ↔ values for the payload fields: parse with a position for the message, pretty-print.

export type ParsedJson = { ok: true; value: unknown } | { ok: false; message: string };

/** Parses JSON text; an error says where ("line 3, column 7") in words a user can act on. */
export function parseJsonText(text: string): ParsedJson {
  if (text.trim() === "") return { ok: false, message: "must not be empty: write a JSON value, e.g. {}" };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const raw = e instanceof Error ? e.message : "invalid JSON";
    const at = /position (\d+)/.exec(raw);
    if (at) {
      const offset = Number(at[1]);
      const before = text.slice(0, offset).split("\n");
      const line = before.length;
      const column = (before.at(-1)?.length ?? 0) + 1;
      return {
        ok: false,
        message: `is not valid JSON (line ${line}, column ${column}): ${raw.replace(/ in JSON at position \d+.*$/, "")}`,
      };
    }
    return { ok: false, message: `is not valid JSON: ${raw}` };
  }
}

export function prettyJson(value: unknown): string {
  return JSON.stringify(value ?? {}, null, 2);
}

/** A one-line rendering of a value for summaries, cut at `max` characters. */
export function oneLine(value: unknown, max = 80): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? "");
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep equality for JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => jsonEqual(a[k], b[k]));
  }
  return false;
}

/**
 * Liquid-variable completion inside the strings of a JSON payload (SPEC §5): after `{{` or `{%`,
 * the render scope's names — `attribute.*` from the project's attribute catalog, and the fixed
 * fields of `profile`, `session` and `request` — and after `|`, the filters. Pure: the Monaco
 * provider turns the result into suggestions.
 */

export interface CatalogAttribute {
  /** A dotted path in the evaluation document: `user.first_name`, `account.tier`, `cart.value`. */
  readonly path: string;
  /** The JSON type last seen: string, number, boolean, object, array, null. */
  readonly type: string;
}

export interface LiquidSuggestion {
  readonly label: string;
  /** A short description: the attribute's type, or what a fixed field holds. */
  readonly detail: string;
  readonly kind: "scope" | "object" | "field" | "filter";
  /** Does the name have children (so a `.` follows)? */
  readonly hasChildren: boolean;
}

export interface LiquidCompletion {
  readonly suggestions: readonly LiquidSuggestion[];
  /** How many characters before the cursor the chosen suggestion replaces (the partial name). */
  readonly replace: number;
}

const ROOTS: readonly LiquidSuggestion[] = [
  { label: "attribute", detail: "user, account and request attributes", kind: "scope", hasChildren: true },
  { label: "profile", detail: "id, profileId, userId, accountId", kind: "scope", hasChildren: true },
  { label: "session", detail: "id, visitId", kind: "scope", hasChildren: true },
  { label: "request", detail: "url, path, query, referrer, device, userAgent", kind: "scope", hasChildren: true },
];

const FIXED: ReadonlyMap<string, readonly [string, string][]> = new Map([
  [
    "profile",
    [
      ["id", "Bespoke's internal profile id"],
      ["profileId", "the anonymous or device id"],
      ["userId", "the known user's id, or empty"],
      ["accountId", "the account's id, or empty"],
    ],
  ],
  [
    "session",
    [
      ["id", "the request's sessionId"],
      ["visitId", "the visit (sessionId, or 30 minutes of activity)"],
    ],
  ],
  [
    "request",
    [
      ["url", "the page URL"],
      ["path", "the URL's path"],
      ["query", "the URL's query parameters"],
      ["referrer", "the referring URL"],
      ["device", "mobile or desktop"],
      ["userAgent", "the browser's user agent"],
    ],
  ],
]);

/** liquidjs's filters most payloads need, with what they do. */
export const LIQUID_FILTERS: readonly [string, string][] = [
  ["default", 'a fallback for a missing value: default: "there"'],
  ["capitalize", "first letter upper case"],
  ["upcase", "upper case"],
  ["downcase", "lower case"],
  ["strip", "trim spaces"],
  ["truncate", "shorten: truncate: 20"],
  ["append", 'add text after: append: "!"'],
  ["prepend", "add text before"],
  ["replace", 'replace: "a", "b"'],
  ["escape", "HTML-escape"],
  ["url_encode", "percent-encode for URLs"],
  ["json", "the value as JSON"],
  ["date", 'format a date: date: "%d %b %Y"'],
  ["round", "round a number"],
  ["plus", "add"],
  ["minus", "subtract"],
  ["times", "multiply"],
  ["divided_by", "divide"],
  ["size", "length of a list or text"],
  ["first", "first item"],
  ["last", "last item"],
  ["join", 'join a list: join: ", "'],
  ["split", "split text into a list"],
];

/** The text of the JSON string the cursor is in, up to the cursor; null when not in a string. */
export function stringBeforeCursor(lineBefore: string): string | null {
  let start = -1;
  for (let i = 0; i < lineBefore.length; i++) {
    const c = lineBefore[i];
    if (start >= 0 && c === "\\") {
      i++;
    } else if (c === '"') {
      start = start >= 0 ? -1 : i + 1;
    }
  }
  return start >= 0 ? lineBefore.slice(start) : null;
}

/**
 * Suggestions for the cursor at the end of `lineBefore` (the line's text up to the cursor), or
 * null outside a Liquid expression in a JSON string.
 */
export function liquidCompletions(lineBefore: string, catalog: readonly CatalogAttribute[]): LiquidCompletion | null {
  const inString = stringBeforeCursor(lineBefore);
  if (inString === null) return null;
  const open = Math.max(inString.lastIndexOf("{{"), inString.lastIndexOf("{%"));
  if (open < 0) return null;
  const expression = inString.slice(open + 2);
  if (expression.includes("}}") || expression.includes("%}")) return null;

  const filter = /\|\s*([A-Za-z_]*)$/.exec(expression);
  if (filter !== null) {
    const partial = filter[1];
    return {
      replace: partial.length,
      suggestions: LIQUID_FILTERS.map(([label, detail]) => ({ label, detail, kind: "filter" as const, hasChildren: false })),
    };
  }

  const word = /(?:^|[^\w.])([A-Za-z_][\w-]*(?:\.[\w-]*)*|)$/.exec(expression);
  if (word === null) return null;
  const typed = word[1];
  const segments = typed.split(".");
  const partial = segments.pop() ?? "";
  const suggestions = childrenOf(segments, catalog);
  return suggestions.length === 0 ? null : { replace: partial.length, suggestions };
}

function childrenOf(segments: readonly string[], catalog: readonly CatalogAttribute[]): LiquidSuggestion[] {
  if (segments.length === 0) return [...ROOTS];
  const [root, ...rest] = segments;
  if (root !== "attribute") {
    const fixed = rest.length === 0 ? FIXED.get(root) : undefined;
    return fixed === undefined ? [] : fixed.map(([label, detail]) => ({ label, detail, kind: "field" as const, hasChildren: false }));
  }
  const prefix = rest.length === 0 ? "" : `${rest.join(".")}.`;
  const children = new Map<string, LiquidSuggestion>();
  if (rest.length === 0) {
    children.set("user", { label: "user", detail: "profile attributes", kind: "object", hasChildren: true });
    children.set("account", { label: "account", detail: "account attributes", kind: "object", hasChildren: true });
  }
  for (const attribute of catalog) {
    if (!attribute.path.startsWith(prefix)) continue;
    const remainder = attribute.path.slice(prefix.length).split(".");
    const name = remainder[0];
    if (name === "") continue;
    const leaf = remainder.length === 1;
    const existing = children.get(name);
    if (existing !== undefined && !leaf) continue;
    children.set(name, {
      label: name,
      detail: leaf ? attribute.type : "object",
      kind: leaf && attribute.type !== "object" ? "field" : "object",
      hasChildren: !leaf || attribute.type === "object",
    });
  }
  return [...children.values()].sort((a, b) => a.label.localeCompare(b.label));
}

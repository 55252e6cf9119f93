/**
 * Profile attribute documents (`user.*`, `account.*`): patches from track/Identify and the union
 * of two profiles when they merge. Plain JSON in, new objects out; inputs are never mutated.
 */
export type Attributes = Record<string, unknown>;

function isRecord(value: unknown): value is Attributes {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Sets an own property, so a key such as `__proto__` (valid JSON) is data, never a prototype. */
function setOwn(target: Attributes, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function ownValue(target: Attributes, key: string): unknown {
  return Object.hasOwn(target, key) ? target[key] : undefined;
}

/**
 * Applies an Identify patch (SPEC §6.2): objects merge key by key, recursively; `null` removes
 * the key; any other value (arrays included) replaces what was there.
 */
export function applyPatch(target: Attributes, patch: Attributes): Attributes {
  const out: Attributes = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete out[key];
    } else if (isRecord(value)) {
      const current = ownValue(out, key);
      setOwn(out, key, applyPatch(isRecord(current) ? current : {}, value));
    } else {
      setOwn(out, key, value);
    }
  }
  return out;
}

/**
 * The attributes of two profiles merged into one: every key of both, recursively into objects;
 * where both hold a value, `winner`'s stays (the known profile wins over the anonymous one).
 */
export function unionPreferring(loser: Attributes, winner: Attributes): Attributes {
  const out: Attributes = { ...loser };
  for (const [key, value] of Object.entries(winner)) {
    const other = ownValue(out, key);
    setOwn(out, key, isRecord(value) && isRecord(other) ? unionPreferring(other, value) : value);
  }
  return out;
}

export type JsonType = "string" | "number" | "boolean" | "object" | "array" | "null";

export function jsonType(value: unknown): JsonType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "string":
      return "string";
    case "number":
    case "bigint":
      return "number";
    case "boolean":
      return "boolean";
    default:
      return "object";
  }
}

const MAX_DEPTH = 6;
const MAX_PATH_LENGTH = 300;

/**
 * Every attribute path of a document and its JSON type, for the attribute catalog: objects are
 * listed and walked into (up to 6 levels), arrays are listed as arrays. `skipNull` leaves out the
 * `null`s of a patch, which remove keys rather than set them. Stops adding once `out` holds `limit`.
 */
export function collectPaths(prefix: string, doc: Attributes, out: Map<string, JsonType>, limit: number, skipNull = false, depth = 1): void {
  for (const [key, value] of Object.entries(doc)) {
    if (out.size >= limit) return;
    if (value === null && skipNull) continue;
    const path = `${prefix}.${key}`;
    if (path.length > MAX_PATH_LENGTH) continue;
    out.set(path, jsonType(value));
    if (isRecord(value) && depth < MAX_DEPTH) collectPaths(path, value, out, limit, skipNull, depth + 1);
  }
}

import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"; // base58, no look-alikes

/** Prefixes say what an id is when it shows up in a log or a URL (`per_…` is a personalization). */
export type IdPrefix =
  | "org" | "prj" | "usr" | "mem" | "inv" | "per" | "exp" | "met" | "tpl" | "grp" | "seg" | "tpr" | "prf" | "vis" | "req";

/** A random, URL-safe id: `prefix_` and 20 base58 characters (about 117 bits). */
export function newId(prefix: IdPrefix): string {
  const bytes = randomBytes(20);
  let out = `${prefix}_`;
  for (const b of bytes) out += ALPHABET[b % 58];
  return out;
}

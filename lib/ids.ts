import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"; // base58, no look-alikes

/** Prefixes say what an id is when it shows up in a log or a URL (`per_…` is a personalization). */
export type IdPrefix =
  | "org" | "prj" | "usr" | "mem" | "inv" | "per" | "exp" | "met" | "tpl" | "grp" | "seg" | "tpr" | "prf" | "vis" | "req";

// Random bytes are drawn 4 KiB at a time: one call to the CSPRNG per ~200 ids instead of one per id
// (the decision path makes one or two ids per request). Each byte is used once.
const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let offset = 0;

/** A random, URL-safe id: `prefix_` and 20 base58 characters (about 117 bits). */
export function newId(prefix: IdPrefix): string {
  if (offset + 20 > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  let out = `${prefix}_`;
  for (let i = offset; i < offset + 20; i++) out += ALPHABET[pool[i] % 58];
  offset += 20;
  return out;
}

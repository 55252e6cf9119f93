import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { AppError } from "../errors";

/**
 * API keys are `prefix.secret`. The prefix identifies the key (it is stored in clear and shown in
 * lists); the secret is 256 bits from the OS CSPRNG and only its SHA-256 is stored. A fast hash is
 * right here, unlike for passwords: the secret is random and too long to brute-force.
 */
const PREFIX_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

export const SCOPES = ["decide", "track", "manage"] as const;
export type Scope = (typeof SCOPES)[number];

export function newKeyPrefix(): string {
  const bytes = randomBytes(12);
  let out = "bk_";
  for (const b of bytes) out += PREFIX_ALPHABET[b % PREFIX_ALPHABET.length];
  return out;
}

export function newKeySecret(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Constant-time comparison of a presented secret against the stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

export interface PresentedKey {
  prefix: string;
  secret: string;
}

function splitKey(key: string, separator: "." | ":"): PresentedKey | null {
  const at = key.indexOf(separator);
  if (at <= 0 || at === key.length - 1) return null;
  return { prefix: key.slice(0, at), secret: key.slice(at + 1) };
}

const malformed = (message: string) => new AppError("unauthorized", message);

/**
 * The key a request presents, from `Authorization: Basic base64(prefix:secret)` (what Intempt's SDKs
 * send), `Authorization: Bearer prefix.secret` or `X-API-Key: prefix.secret`. Null when the request
 * presents none; a 401 when what it presents cannot be a key.
 */
export function presentedKey(header: (name: string) => string | null): PresentedKey | null {
  const apiKey = header("x-api-key");
  if (apiKey !== null && apiKey.trim() !== "") {
    const key = splitKey(apiKey.trim(), ".");
    if (!key) throw malformed('Malformed X-API-Key header: expected "prefix.secret".');
    return key;
  }
  const authorization = header("authorization");
  if (authorization === null || authorization.trim() === "") return null;
  const [scheme, ...rest] = authorization.trim().split(/\s+/);
  const value = rest.join(" ");
  switch (scheme.toLowerCase()) {
    case "basic": {
      // base64("prefix:secret"); leniently also base64("prefix.secret:") (the whole key as user name).
      const decoded = Buffer.from(value, "base64").toString("utf8");
      const pair = splitKey(decoded, ":") ?? splitKey(decoded.replace(/:$/, ""), ".");
      if (!value || !pair) throw malformed('Malformed Authorization header: Basic credentials must be base64("prefix:secret").');
      return pair;
    }
    case "bearer": {
      const key = splitKey(value, ".");
      if (!key) throw malformed('Malformed Authorization header: expected "Bearer prefix.secret".');
      return key;
    }
    default:
      throw malformed(`Unsupported Authorization scheme "${scheme}": use Basic, Bearer or the X-API-Key header.`);
  }
}

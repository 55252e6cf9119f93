import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { env } from "../env";
import { logger } from "../logger";

/**
 * The secret that signs console sessions: AUTH_SECRET (or NEXTAUTH_SECRET) when set; otherwise one
 * generated on first use and kept in the data directory, so a fresh machine needs no configuration
 * and sessions survive restarts. Instances sharing a database must set AUTH_SECRET to one value.
 */
let cached: string | undefined;

export function authSecret(): string {
  if (cached) return cached;
  const configured = env().AUTH_SECRET;
  if (configured) return (cached = configured);
  const dir = path.resolve(env().BESPOKE_DATA_DIR);
  const file = path.join(dir, "auth-secret");
  try {
    cached = fs.readFileSync(file, "utf8").trim();
    if (cached.length >= 32) return cached;
  } catch {
    // not there yet
  }
  fs.mkdirSync(dir, { recursive: true });
  cached = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, cached, { mode: 0o600 });
  if (env().DATABASE_URL) {
    logger.warn({ file }, "AUTH_SECRET is not set: generated one for this instance; set AUTH_SECRET when several instances share the database");
  }
  return cached;
}

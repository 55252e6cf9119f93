import fs from "node:fs";
import path from "node:path";
import { randomBytes, timingSafeEqual } from "node:crypto";

/**
 * While a server holds the embedded database, the CLI cannot open it (PGlite is single-process), so
 * the server leaves `<dataDir>/server.json` — its pid, port and a random token, readable only by
 * whoever can read the database files anyway — and the CLI runs its command inside the server.
 */
export interface ServerInfo {
  pid: number;
  port: number;
  token: string;
}

const fileIn = (dataDir: string) => path.join(path.resolve(dataDir), "server.json");

// On globalThis: Next bundles the instrumentation hook and each route separately, and all of them
// must see the one token this process wrote.
const store = globalThis as typeof globalThis & { __bespokeCliToken?: string };

export function writeServerInfo(dataDir: string, port: number): void {
  const token = randomBytes(32).toString("base64url");
  store.__bespokeCliToken = token;
  const info: ServerInfo = { pid: process.pid, port, token };
  fs.mkdirSync(path.resolve(dataDir), { recursive: true });
  fs.writeFileSync(fileIn(dataDir), JSON.stringify(info), { mode: 0o600 });
  process.once("exit", () => {
    try {
      const current = JSON.parse(fs.readFileSync(fileIn(dataDir), "utf8")) as ServerInfo;
      if (current.pid === process.pid) fs.unlinkSync(fileIn(dataDir));
    } catch {
      // already gone
    }
  });
}

export function readServerInfo(dataDir: string): ServerInfo | null {
  try {
    return JSON.parse(fs.readFileSync(fileIn(dataDir), "utf8")) as ServerInfo;
  } catch {
    return null;
  }
}

/** True when the presented token is this server's. */
export function isServerToken(presented: string | null): boolean {
  const token = store.__bespokeCliToken;
  if (!token || !presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

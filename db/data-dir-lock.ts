import fs from "node:fs";
import path from "node:path";

/**
 * PGlite is a single-process database: two processes writing one data directory corrupt it. The
 * process that opens it writes its pid to `<dataDir>/pglite.lock`; a second process finds the lock
 * held by a live pid and does not open the directory.
 */
export interface DataDirLock {
  release(): void;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is open in another process (pid ${pid}). ` +
        "Stop that process, point BESPOKE_DATA_DIR elsewhere, or use PostgreSQL (DATABASE_URL).",
    );
    this.name = "DataDirLockedError";
  }
}

function lockPath(dataDir: string): string {
  return path.join(path.resolve(dataDir), "pglite.lock");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid holding the lock, if a live process other than this one holds it. */
export function lockHolder(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(lockPath(dataDir), "utf8").trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) return pid;
  } catch {
    // no lock file
  }
  return undefined;
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(path.resolve(dataDir), { recursive: true });
  const file = lockPath(dataDir);
  const holder = lockHolder(dataDir);
  if (holder !== undefined) throw new DataDirLockedError(path.resolve(dataDir), holder);
  fs.writeFileSync(file, String(process.pid));
  const release = () => {
    try {
      if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.once("exit", release);
  return { release };
}

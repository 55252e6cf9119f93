import type { DbHandle } from "../../../db/client";
import type { Arm } from "../../engine";
import { isDatabaseUnavailable } from "../../http/errors";
import { logger } from "../../logger";
import { FLUSH } from "./record-sql";

/**
 * Write-behind for what a decision without claims records: the profile's activity (last activity,
 * visit) and the exposures of its `always` displays, with their first-exposure rows and new sticky
 * arms. They are buffered in memory and written in bulk — one statement — at least every 100 ms,
 * sooner when 2 000 exposures are waiting, and on shutdown (SIGTERM, SIGINT, `beforeExit`). Claims
 * (`once`, `once_per_visit`) never go through here: they are written before the response.
 *
 * Loss window: a process killed without a chance to flush (SIGKILL, a crash, power loss) loses
 * what was buffered — at most the last ~100 ms of `always` exposures and activity. If the database
 * is unavailable the buffer is kept and retried every second, up to 100 000 exposures; beyond
 * that the oldest are dropped and logged. A lost exposure costs an analytics row; a lost new arm
 * is recomputed identically from the hash next time (unless the control share changed in between).
 */
export interface PendingTouch {
  readonly id: string;
  readonly at_ms: number;
  readonly session: string | null;
  readonly proposed: string;
  readonly account: string | null;
}

export interface PendingExposure {
  readonly project: string;
  readonly per: string;
  readonly exp: string;
  readonly profile: string;
  readonly arm: Arm;
  readonly at_ms: number;
  /** The visit the decision settled on (the profile's active visit, or a new one it proposed)… */
  readonly visit: string;
  /** …unless the request named its session, which is then the visit (SPEC §2.6). */
  readonly session: string | null;
  readonly new_assign: boolean;
}

const FLUSH_EVERY_MS = 100;
const FLUSH_AT = 2000;
const RETRY_AFTER_MS = 1000;
const MAX_PENDING = 100_000;

export class WriteBehind {
  private touches = new Map<string, PendingTouch>();
  private exposures: PendingExposure[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(private readonly handle: DbHandle) {}

  get pending(): number {
    return this.exposures.length + this.touches.size;
  }

  add(touch: PendingTouch | null, exposures: readonly PendingExposure[]): void {
    if (touch !== null) {
      const earlier = this.touches.get(touch.id);
      // The latest activity of a profile wins; it carries the latest session and account.
      if (!earlier || earlier.at_ms <= touch.at_ms) this.touches.set(touch.id, touch);
    }
    for (const e of exposures) this.exposures.push(e);
    if (this.exposures.length >= FLUSH_AT) void this.flush();
    else this.schedule(FLUSH_EVERY_MS);
  }

  /** Writes everything buffered so far; resolves when it is in the database (or given up). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.touches.size === 0 && this.exposures.length === 0) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const touches = [...this.touches.values()];
    const exposures = this.exposures;
    this.touches = new Map();
    this.exposures = [];
    this.flushing = this.write(touches, exposures).finally(() => {
      this.flushing = null;
    });
    await this.flushing;
  }

  private schedule(delay: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
    this.timer.unref();
  }

  private async write(touches: PendingTouch[], exposures: PendingExposure[]): Promise<void> {
    try {
      await this.handle.query(FLUSH, [JSON.stringify(touches), JSON.stringify(exposures)]);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) {
        logger.error({ err: error, exposures: exposures.length, touches: touches.length }, "write-behind flush failed; dropping the batch");
        return;
      }
      // Put them back (before anything newer) and try again shortly.
      for (const t of touches) if (!this.touches.has(t.id)) this.touches.set(t.id, t);
      this.exposures = exposures.concat(this.exposures);
      if (this.exposures.length > MAX_PENDING) {
        const dropped = this.exposures.length - MAX_PENDING;
        this.exposures = this.exposures.slice(dropped);
        logger.error({ dropped }, "write-behind buffer full while the database is unavailable; oldest exposures dropped");
      }
      logger.warn({ err: error, pending: this.pending }, "write-behind flush failed; retrying");
      this.schedule(RETRY_AFTER_MS);
    }
  }
}

const store = globalThis as typeof globalThis & { __bespokeWriteBehind?: Map<DbHandle, WriteBehind> };

function writers(): Map<DbHandle, WriteBehind> {
  if (!store.__bespokeWriteBehind) {
    store.__bespokeWriteBehind = new Map();
    installShutdownFlush();
  }
  return store.__bespokeWriteBehind;
}

/** The process's write-behind buffer for a database handle. */
export function writeBehindFor(handle: DbHandle): WriteBehind {
  const all = writers();
  let writer = all.get(handle);
  if (!writer) {
    writer = new WriteBehind(handle);
    all.set(handle, writer);
  }
  return writer;
}

/** Flushes every buffer of the process (tests, shutdown hooks). */
export async function flushPendingWrites(): Promise<void> {
  await Promise.all([...writers().values()].map((w) => w.flush()));
}

/** Forgets a handle's buffer after flushing it (a test closing its database). */
export async function closeWriteBehind(handle: DbHandle): Promise<void> {
  const writer = store.__bespokeWriteBehind?.get(handle);
  if (!writer) return;
  await writer.flush();
  store.__bespokeWriteBehind?.delete(handle);
}

function installShutdownFlush(): void {
  process.once("beforeExit", () => void flushPendingWrites());
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    const onSignal = () => {
      void flushPendingWrites().finally(() => {
        // Alone on this signal, we stand in for Node's default: exit as it would have.
        if (process.listenerCount(signal) === 0) process.exit(signal === "SIGTERM" ? 143 : 130);
      });
    };
    process.once(signal, onSignal);
  }
}

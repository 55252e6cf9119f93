import { isSerializationFailure } from "../../../db/errors";

/**
 * Coalesces concurrent calls into one database statement (docs/decisions/130-batched-decisions.md).
 *
 * On this kind of machine a round trip to PostgreSQL costs far more CPU than the work of one
 * decision's read: each statement is a socket write and a wake-up on both sides, and under load
 * those dominate (the CPU profile showed `writev` and idle waits, not our code). So every call
 * that arrives while the statement before it is running, or in the same turn of the event loop,
 * goes to the database together with the others, as one statement with one row per call.
 *
 * - A call never waits for company: when fewer than `maxInFlight` statements are running, the
 *   queue is sent at the end of the current event-loop turn (`setImmediate`), whatever its size.
 * - `keyOf`, when given, keeps two calls with the same key out of one statement (a later one goes
 *   in the next): the claim statement writes one profile's rows once per statement.
 * - A statement that fails on a deadlock or a serialization failure runs again (it changed
 *   nothing). One that fails otherwise is split: each call runs alone, so one call's bad input
 *   fails that call only.
 */
export interface BatcherOptions<In> {
  readonly maxInFlight: number;
  readonly maxBatch: number;
  readonly keyOf?: (item: In) => string;
}

interface Waiting<In, Out> {
  readonly item: In;
  readonly resolve: (out: Out) => void;
  readonly reject: (error: unknown) => void;
}

const RETRIES = 4;

export class Batcher<In, Out> {
  private queue: Waiting<In, Out>[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly run: (items: readonly In[]) => Promise<Out[]>,
    private readonly options: BatcherOptions<In>,
  ) {}

  submit(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.scheduled || this.inFlight >= this.options.maxInFlight || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.take();
      this.inFlight++;
      void this.execute(batch).finally(() => {
        this.inFlight--;
        this.kick();
      });
    }
  }

  /** The next statement's calls, in arrival order; with `keyOf`, at most one per key. */
  private take(): Waiting<In, Out>[] {
    const { maxBatch, keyOf } = this.options;
    if (!keyOf) return this.queue.splice(0, maxBatch);
    const batch: Waiting<In, Out>[] = [];
    const rest: Waiting<In, Out>[] = [];
    const keys = new Set<string>();
    for (const waiting of this.queue) {
      const key = keyOf(waiting.item);
      if (batch.length < maxBatch && !keys.has(key)) {
        keys.add(key);
        batch.push(waiting);
      } else {
        rest.push(waiting);
      }
    }
    this.queue = rest;
    return batch;
  }

  private async execute(batch: Waiting<In, Out>[]): Promise<void> {
    try {
      const outs = await this.runWithRetries(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(outs[i]));
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      // One bad call must not fail the others: each runs alone.
      await Promise.all(
        batch.map((w) =>
          this.runWithRetries([w.item]).then(
            (outs) => w.resolve(outs[0]),
            (e: unknown) => w.reject(e),
          ),
        ),
      );
    }
  }

  private async runWithRetries(items: readonly In[]): Promise<Out[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        const outs = await this.run(items);
        if (outs.length !== items.length) throw new Error(`a batched statement returned ${outs.length} results for ${items.length} calls`);
        return outs;
      } catch (error) {
        if (attempt >= RETRIES || !isSerializationFailure(error)) throw error;
      }
    }
  }
}

/** One batcher per database handle and purpose, created on first use. */
export function batcherPerHandle<H extends object, In, Out>(make: (handle: H) => Batcher<In, Out>): (handle: H) => Batcher<In, Out> {
  const batchers = new WeakMap<H, Batcher<In, Out>>();
  return (handle) => {
    let batcher = batchers.get(handle);
    if (!batcher) {
      batcher = make(handle);
      batchers.set(handle, batcher);
    }
    return batcher;
  };
}

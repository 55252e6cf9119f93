import { describe, expect, it } from "vitest";
import { Batcher } from "./batcher";

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("Batcher", () => {
  it("sends calls made in one turn as one statement, and calls made while it runs as the next", async () => {
    const statements: number[][] = [];
    const gate = deferred<void>();
    const batcher = new Batcher<number, number>(
      async (items) => {
        statements.push([...items]);
        if (statements.length === 1) await gate.promise;
        return items.map((x) => x * 10);
      },
      { maxInFlight: 1, maxBatch: 64 },
    );
    const first = [1, 2, 3].map((x) => batcher.submit(x));
    await new Promise((r) => setImmediate(r));
    const second = [4, 5].map((x) => batcher.submit(x));
    await new Promise((r) => setImmediate(r));
    expect(statements).toEqual([[1, 2, 3]]); // the second group waits for the first statement
    gate.resolve();
    expect(await Promise.all(first)).toEqual([10, 20, 30]);
    expect(await Promise.all(second)).toEqual([40, 50]);
    expect(statements).toEqual([[1, 2, 3], [4, 5]]);
  });

  it("never puts two calls with the same key in one statement, and keeps their order", async () => {
    const statements: string[][] = [];
    const batcher = new Batcher<string, string>(
      async (items) => {
        statements.push([...items]);
        return [...items];
      },
      { maxInFlight: 1, maxBatch: 64, keyOf: (item) => item.split(":")[0] },
    );
    await Promise.all(["a:1", "b:1", "a:2", "a:3", "c:1"].map((x) => batcher.submit(x)));
    expect(statements).toEqual([["a:1", "b:1", "c:1"], ["a:2"], ["a:3"]]);
  });

  it("honours maxBatch", async () => {
    const sizes: number[] = [];
    const batcher = new Batcher<number, number>(
      async (items) => {
        sizes.push(items.length);
        return [...items];
      },
      { maxInFlight: 1, maxBatch: 4 },
    );
    await Promise.all(Array.from({ length: 10 }, (_, i) => batcher.submit(i)));
    expect(sizes).toEqual([4, 4, 2]);
  });

  it("fails only the call whose input the database refuses; the others get their answers", async () => {
    const batcher = new Batcher<number, number>(
      async (items) => {
        if (items.includes(13)) throw new Error("invalid input for item 13");
        return items.map((x) => x + 1);
      },
      { maxInFlight: 1, maxBatch: 64 },
    );
    const results = await Promise.allSettled([1, 13, 2].map((x) => batcher.submit(x)));
    expect(results[0]).toEqual({ status: "fulfilled", value: 2 });
    expect(results[1].status).toBe("rejected");
    expect(String((results[1] as PromiseRejectedResult).reason)).toContain("item 13");
    expect(results[2]).toEqual({ status: "fulfilled", value: 3 });
  });

  it("runs a statement again after a deadlock, as a whole", async () => {
    let calls = 0;
    const batcher = new Batcher<number, number>(
      async (items) => {
        calls++;
        if (calls === 1) throw Object.assign(new Error("deadlock detected"), { code: "40P01" });
        return [...items];
      },
      { maxInFlight: 1, maxBatch: 64 },
    );
    expect(await Promise.all([7, 8].map((x) => batcher.submit(x)))).toEqual([7, 8]);
    expect(calls).toBe(2);
  });

  it("refuses a statement that answers for fewer calls than it was given", async () => {
    const batcher = new Batcher<number, number>(async (items) => items.slice(1), { maxInFlight: 1, maxBatch: 64 });
    await expect(batcher.submit(1)).rejects.toThrow(/returned 0 results for 1/);
  });
});

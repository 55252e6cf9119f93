import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { csvUserIdBatches } from "./csv-user-ids";

async function* chunks(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(text: string, size = 7, batch = 3): Promise<string[][]> {
  const out: string[][] = [];
  for await (const b of csvUserIdBatches(chunks(text, size), batch)) out.push(b);
  return out;
}

async function failure(text: string): Promise<AppError> {
  try {
    await collect(text);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a failure");
}

describe("csvUserIdBatches", () => {
  it("yields ids in batches, whatever the chunk boundaries (even inside a multi-byte character)", async () => {
    const text = "userId\nrené\n東京-1\n🎉party\n\"a,b\"\nlast";
    for (const size of [1, 2, 3, 5, 64]) {
      expect(await collect(text, size)).toEqual([["rené", "東京-1", "🎉party"], ["a,b", "last"]]);
    }
  });

  it("only a first row of userId/user_id (any case) is a header", async () => {
    expect(await collect("USER_ID\na\nuserId\n")).toEqual([["a", "userId"]]);
    expect(await collect("alice\nbob\n")).toEqual([["alice", "bob"]]);
  });

  it("names the line of a bad row", async () => {
    const error = await failure("a\n\n\nb,c\n");
    expect(error.code).toBe("validation_failed");
    expect(error.message).toContain("line 4");
    expect(error.details).toEqual([{ path: "line 4", message: "expected one column (a user id), found 2" }]);
  });

  it("rejects a runaway quoted value without buffering the rest of the file", async () => {
    const error = await failure(`a\n"${"x".repeat(10_000)}`);
    expect(error.message).toMatch(/line 2/);
  });

  it("stops reading when the consumer stops", async () => {
    let pulled = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        pulled++;
        yield new TextEncoder().encode("id-1\nid-2\n");
      }
    }
    for await (const batch of csvUserIdBatches(endless(), 2)) {
      expect(batch).toEqual(["id-1", "id-2"]);
      break;
    }
    // The parser may look one chunk ahead before it knows a row is complete; it reads no further.
    expect(pulled).toBeLessThanOrEqual(2);
  });
});

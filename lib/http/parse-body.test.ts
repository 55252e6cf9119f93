import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../errors";
import { parseBody, readStreamWithLimit } from "./parse-body";
import type { ApiRequest } from "./types";

function request(body: string, contentType: string | null = "application/json"): ApiRequest {
  return {
    method: "POST",
    url: new URL("http://localhost/x"),
    header: (name) => (name === "content-type" ? contentType : null),
    params: {},
    requestId: "req_t",
    readBody: async (limit) => {
      if (Buffer.byteLength(body) > limit) throw new AppError("payload_too_large", "too large");
      return Buffer.from(body);
    },
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "none";
  } catch (error) {
    return error instanceof AppError ? error.code : "other";
  }
}

const schema = z.object({ name: z.string().min(1) });

describe("parseBody", () => {
  it("parses and validates JSON", async () => {
    await expect(parseBody(request('{"name":"x"}'), schema)).resolves.toEqual({ name: "x" });
    await expect(parseBody(request('{"name":"x"}', "application/vnd.api+json; charset=utf-8"), schema)).resolves.toEqual({ name: "x" });
  });

  it.each([
    ["no content type", request('{"name":"x"}', null), "unsupported_media_type"],
    ["text/plain", request('{"name":"x"}', "text/plain"), "unsupported_media_type"],
    ["an empty body", request(""), "invalid_json"],
    ["malformed JSON", request('{"name":'), "invalid_json"],
    ["a bad field", request('{"name":""}'), "validation_failed"],
    ["too large", request(JSON.stringify({ name: "x".repeat(100) })), "payload_too_large"],
  ])("rejects %s", async (_label, req, code) => {
    expect(await codeOf(parseBody(req, schema, 64))).toBe(code);
  });

  it("names the bad field in the message and details", async () => {
    try {
      await parseBody(request('{"name":""}'), schema);
    } catch (error) {
      expect((error as AppError).message).toContain("name");
      expect((error as AppError).details).toEqual([expect.objectContaining({ path: "name" })]);
    }
  });
});

describe("readStreamWithLimit", () => {
  const stream = (chunks: string[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
        controller.close();
      },
    });

  it("reads a stream under the limit", async () => {
    expect((await readStreamWithLimit(stream(["ab", "cd"]), 10, null)).toString()).toBe("abcd");
  });

  it("stops as soon as the stream passes the limit, whatever Content-Length said", async () => {
    expect(await codeOf(readStreamWithLimit(stream(["abcdef", "ghijkl"]), 8, "4"))).toBe("payload_too_large");
  });

  it("rejects a declared Content-Length over the limit before reading", async () => {
    expect(await codeOf(readStreamWithLimit(stream([]), 8, "9"))).toBe("payload_too_large");
  });
});

describe("text PostgreSQL cannot store", () => {
  it.each([
    ["a NUL in a value", '{"name":"a\\u0000b"}', "name"],
    ["an unpaired high surrogate deep inside", '{"name":"x","payload":{"items":["ok","\\ud800"]}}', "payload.items.1"],
    ["an unpaired low surrogate", '{"name":"\\udc00"}', "name"],
    ["a NUL in a key", '{"name":"x","a\\u0000":1}', "a?"],
  ])("is a 400 naming the field: %s", async (_label, body, path) => {
    try {
      await parseBody(request(body), z.looseObject({ name: z.string() }));
      throw new Error("accepted");
    } catch (error) {
      expect((error as AppError).code).toBe("validation_failed");
      expect((error as AppError).details).toEqual([expect.objectContaining({ path })]);
    }
  });

  it("accepts a correctly paired emoji", async () => {
    await expect(parseBody(request('{"name":"\\ud83d\\ude00"}'), schema)).resolves.toEqual({ name: "😀" });
  });
});

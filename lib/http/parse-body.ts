import type { z } from "zod";
import { AppError } from "../errors";
import { zodDetails } from "./errors";
import type { ApiRequest } from "./types";

/** SPEC §6: 1 MiB for the API in general; choose-api sets its own 64 KiB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export function isJsonContentType(value: string | null): boolean {
  if (!value) return false;
  const mime = value.split(";")[0].trim().toLowerCase();
  return mime === "application/json" || (mime.startsWith("application/") && mime.endsWith("+json"));
}

/** Reads and JSON-parses the body: 415 if it is not declared JSON, 413 if too large, 400 if malformed. */
export async function readJson(req: ApiRequest, limit = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const contentType = req.header("content-type");
  if (!isJsonContentType(contentType)) {
    throw new AppError(
      "unsupported_media_type",
      `Send the body as JSON with "Content-Type: application/json"${contentType ? ` (got "${contentType}")` : ""}.`,
    );
  }
  const raw = await req.readBody(limit);
  if (raw.length === 0) throw new AppError("invalid_json", "The request body is empty; send a JSON document.");
  const text = raw.toString("utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "syntax error";
    throw new AppError("invalid_json", `The request body is not valid JSON: ${reason}.`);
  }
  // A NUL or a lone surrogate in the parsed value comes either from the text itself or from a
  // `\u` escape; a body with neither (nearly all) needs no walk over its values.
  const bad = text.includes("\\u") || UNSTORABLE.test(text) ? findUnstorableText(value) : null;
  if (bad) {
    throw new AppError("validation_failed", `The request body is invalid: ${bad.path}: ${bad.message}.`, [bad]);
  }
  return value;
}

// PostgreSQL cannot store U+0000 in text or jsonb, and an unpaired UTF-16 surrogate is not valid
// Unicode: both would fail deep in a query as a 500. They are refused here, for every JSON body.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function findUnstorableText(value: unknown, path = ""): { path: string; message: string } | null {
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (typeof value === "string") {
    return UNSTORABLE.test(value) ? { path: path || "(body)", message: "contains a NUL character or an unpaired surrogate" } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], at(i));
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (UNSTORABLE.test(key)) return { path: at(key.replace(UNSTORABLE, "?")), message: "this key contains a NUL character or an unpaired surrogate" };
      const found = findUnstorableText(child, at(key));
      if (found) return found;
    }
  }
  return null;
}

/** Reads the body and validates it with a zod schema; every bad field is named in `details`. */
export async function parseBody<S extends z.ZodType>(
  req: ApiRequest,
  schema: S,
  limit = DEFAULT_BODY_LIMIT,
): Promise<z.output<S>> {
  return parseValue(await readJson(req, limit), schema);
}

export function parseValue<S extends z.ZodType>(value: unknown, schema: S, what = "request body"): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const details = zodDetails(result.error);
    const first = details[0];
    const summary = first ? `${first.path}: ${first.message.replace(/\.$/, "")}` : "see details";
    const more = details.length > 1 ? ` (and ${details.length - 1} more)` : "";
    throw new AppError("validation_failed", `The ${what} is invalid: ${summary}${more}.`, details);
  }
  return result.data;
}

/** Validates query parameters (all strings) with a zod schema. */
export function parseQuery<S extends z.ZodType>(req: ApiRequest, schema: S): z.output<S> {
  const query: Record<string, string> = {};
  for (const [key, value] of req.url.searchParams) query[key] = value;
  return parseValue(query, schema, "query string");
}

/** Reads a body of at most `limit` bytes from a web ReadableStream, failing fast with a 413. */
export async function readStreamWithLimit(
  stream: ReadableStream<Uint8Array> | null,
  limit: number,
  declaredLength: string | null,
): Promise<Buffer> {
  if (declaredLength !== null && Number(declaredLength) > limit) throw tooLarge(limit);
  if (!stream) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export function tooLarge(limit: number): AppError {
  const human = limit >= 1024 * 1024 ? `${limit / (1024 * 1024)} MiB` : `${Math.round(limit / 1024)} KiB`;
  return new AppError("payload_too_large", `The request body is larger than the ${human} this endpoint accepts.`);
}

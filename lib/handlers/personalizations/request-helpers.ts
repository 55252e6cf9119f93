import { z } from "zod";
import { AppError } from "../../errors";
import { DEFAULT_BODY_LIMIT, isJsonContentType, parseValue } from "../../http/parse-body";
import type { ApiRequest } from "../../http/types";

/**
 * `If-Match: "3"` (or `W/"3"`, or `3`): the personalization version a write expects, as an
 * alternative to `version` in the body. Absent, or `*` (any version, RFC 9110) → undefined.
 */
export function ifMatchVersion(req: ApiRequest): number | undefined {
  const raw = req.header("if-match");
  if (raw === null || raw.trim() === "" || raw.trim() === "*") return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(raw);
  if (!match || Number(match[1]) < 1) {
    const message = `"${raw}" is not a version: send the personalization's version, e.g. If-Match: "3"`;
    throw new AppError("validation_failed", `The If-Match header is invalid: ${message}.`, [{ path: "If-Match", message }]);
  }
  return Number(match[1]);
}

/** The ETag of a personalization response: its version, so the next write can send it back as If-Match. */
export const etag = (version: number) => ({ etag: `"${version}"` });

/**
 * The body of a write that may have none (lifecycle actions, duplicate, delete): empty → undefined;
 * otherwise it must be JSON, like every body.
 */
export async function optionalJsonBody(req: ApiRequest): Promise<unknown> {
  const raw = await req.readBody(DEFAULT_BODY_LIMIT);
  if (raw.length === 0 || raw.toString("utf8").trim() === "") return undefined;
  const contentType = req.header("content-type");
  if (!isJsonContentType(contentType)) {
    throw new AppError("unsupported_media_type", `Send the body as JSON with "Content-Type: application/json"${contentType ? ` (got "${contentType}")` : ""}.`);
  }
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch (error) {
    throw new AppError("invalid_json", `The request body is not valid JSON: ${error instanceof Error ? error.message : "syntax error"}.`);
  }
}

const versionBody = z.object({
  version: z.number({ error: "must be a positive integer" }).int("must be a positive integer").positive("must be a positive integer").optional(),
});
const versionQuery = z.object({
  version: z.coerce.number({ error: "must be a positive integer" }).int("must be a positive integer").positive("must be a positive integer").optional(),
});

/**
 * The optional version of a write without other input: body `{ "version": n }`, `?version=n`
 * or `If-Match`; they must agree when several are sent.
 */
export async function versionOf(req: ApiRequest): Promise<number | undefined> {
  const body = await optionalJsonBody(req);
  const fromBody = body === undefined ? undefined : parseValue(body, versionBody).version;
  const query = req.url.searchParams.get("version");
  const fromQuery = query === null ? undefined : parseValue({ version: query }, versionQuery, "query string").version;
  const fromHeader = ifMatchVersion(req);
  const sent = [fromBody, fromQuery, fromHeader].filter((v): v is number => v !== undefined);
  if (new Set(sent).size > 1) {
    const message = `was sent more than once with different values (${sent.join(", ")}); send one version`;
    throw new AppError("validation_failed", `The request is invalid: version: ${message}.`, [{ path: "version", message }]);
  }
  return sent[0];
}

import { AppError } from "../errors";
import { newId } from "../ids";
import { logger } from "../logger";
import { errorResponse } from "./errors";
import type { ApiHandler, ApiRequest, ApiResponse } from "./types";

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** A caller's own `x-request-id` is kept when it is a sane token, so logs join across services. */
export function requestIdFrom(incoming: string | null): string {
  return incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : newId("req");
}

/**
 * Runs a handler the same way for both adapters: maps any error to the JSON error shape, stamps
 * `x-request-id` and `cache-control: no-store` on every response, and logs one line per request.
 */
export async function runApi(handler: ApiHandler, req: ApiRequest): Promise<ApiResponse> {
  const started = performance.now();
  let response: ApiResponse;
  try {
    rejectUnstorableUrl(req);
    response = await handler(req);
  } catch (error) {
    response = errorResponse(error, req.requestId, logger);
  }
  response.headers = {
    "cache-control": "no-store",
    ...response.headers,
    "x-request-id": req.requestId,
  };
  if (logger.isLevelEnabled("info")) {
    logger.info(
      {
        requestId: req.requestId,
        method: req.method,
        path: req.url.pathname,
        status: response.status,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
      },
      "request",
    );
  }
  return response;
}

/** A NUL in a path segment or query value would reach PostgreSQL and fail there: refuse it up front. */
function rejectUnstorableUrl(req: ApiRequest): void {
  for (const [name, value] of Object.entries(req.params)) {
    if (value.includes("\u0000")) throw new AppError("bad_request", `The path parameter ${name} contains a NUL character.`, [{ path: name, message: "contains a NUL character" }]);
  }
  for (const [name, value] of req.url.searchParams) {
    if (value.includes("\u0000") || name.includes("\u0000")) {
      throw new AppError("bad_request", `The query parameter ${name.replace(/\u0000/g, "?")} contains a NUL character.`, [{ path: name.replace(/\u0000/g, "?"), message: "contains a NUL character" }]);
    }
  }
}

/** The bytes and content type a response body is sent as. */
export function serializeBody(response: ApiResponse): { body: string | Buffer | null; contentType: string | null } {
  const { body } = response;
  if (body === undefined || body === null || response.status === 204) return { body: null, contentType: null };
  if (Buffer.isBuffer(body)) return { body, contentType: response.headers?.["content-type"] ?? "application/octet-stream" };
  if (typeof body === "string") return { body, contentType: response.headers?.["content-type"] ?? "text/plain; charset=utf-8" };
  return { body: JSON.stringify(body), contentType: "application/json; charset=utf-8" };
}

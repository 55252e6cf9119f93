import { ZodError } from "zod";
import { AppError, type ErrorCode, type ErrorDetail } from "../errors";
import type { Logger } from "../logger";
import type { ApiResponse } from "./types";

/** The one table from error codes to HTTP statuses. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  version_conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  database_unavailable: 503,
  internal_error: 500,
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown; requestId: string };
}

/** Zod issues → details that name each bad field by its dotted path. */
export function zodDetails(error: ZodError, prefix = ""): ErrorDetail[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
    return { path: path || "(body)", message: issue.message, code: issue.code };
  });
}

// Connection-level failures of PostgreSQL or the pool: the database is down or unreachable, which is
// a 503 the client can retry, not a bug.
const UNAVAILABLE_ERRNOS = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "EPIPE"]);

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: unknown; message?: unknown; cause?: unknown };
    const code = typeof e.code === "string" ? e.code : "";
    const message = typeof e.message === "string" ? e.message : "";
    if (UNAVAILABLE_ERRNOS.has(code)) return true;
    // SQLSTATE class 08 (connection exception), 57P01-57P03 (admin shutdown, crash, cannot connect now)
    if (/^08/.test(code) || /^57P0[1-3]$/.test(code)) return true;
    if (/timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|PGlite is closed/i.test(message))
      return true;
    current = e.cause;
  }
  return false;
}

/** The one error mapper: known errors keep their message; anything else is a logged, generic 500. */
export function errorResponse(error: unknown, requestId: string, log: Logger): ApiResponse {
  let code: ErrorCode;
  let message: string;
  let details: unknown;
  let headers: Record<string, string> | undefined;

  if (error instanceof AppError) {
    ({ code, message, details, headers } = error);
  } else if (error instanceof ZodError) {
    code = "validation_failed";
    message = "The request is invalid.";
    details = zodDetails(error);
  } else if (isDatabaseUnavailable(error)) {
    code = "database_unavailable";
    message = "The database is unavailable. Retry shortly.";
    headers = { "retry-after": "5" };
    log.error({ requestId, err: error }, "database unavailable");
  } else {
    code = "internal_error";
    message = "An unexpected error occurred. Quote the request id when reporting it.";
    log.error({ requestId, err: error }, "unhandled error");
  }

  const body: ErrorBody = { error: { code, message, ...(details === undefined ? {} : { details }), requestId } };
  return { status: STATUS_BY_CODE[code], headers, body };
}

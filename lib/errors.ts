/**
 * The one error type services throw. Its `code` decides the HTTP status (lib/http/errors.ts); its
 * `message` is shown to the caller, so it says what is wrong in the caller's terms and never leaks
 * internals. `details` name each bad field: `[{ path: "experiences.0.payload.title", message }]`.
 */
export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "invalid_json"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "version_conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "database_unavailable"
  | "internal_error";

export interface ErrorDetail {
  path: string;
  message: string;
  code?: string;
  [key: string]: unknown;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[] | Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const badRequest = (message: string, details?: ErrorDetail[]) => new AppError("bad_request", message, details);
export const validationFailed = (message: string, details: ErrorDetail[]) =>
  new AppError("validation_failed", message, details);
export const notFound = (what: string) => new AppError("not_found", `${what} was not found.`);
export const forbidden = (message: string) => new AppError("forbidden", message);
export const conflict = (message: string, details?: Record<string, unknown>) => new AppError("conflict", message, details);

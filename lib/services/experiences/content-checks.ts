import { eq } from "drizzle-orm";
import { segments } from "../../../db/schema";
import type { Queryable } from "../../../db/client";
import { AppError, type ErrorDetail } from "../../errors";
import { MAX_PAYLOAD_BYTES } from "../../schemas/experiences";
import { validateCondition, validatePayloadTemplates, validateSchedule } from "./engine-checks";

/** What save-time checks need to know about the project. */
export interface CheckContext {
  segmentKeys: ReadonlySet<string>;
  timezone: string;
}

export async function projectSegmentKeys(db: Queryable, projectId: string): Promise<Set<string>> {
  const rows = await db.select({ key: segments.key }).from(segments).where(eq(segments.projectId, projectId));
  return new Set(rows.map((r) => r.key));
}

const join = (at: string, path: string) => (path === "" ? at : at === "" ? path : `${at}.${path}`);

/** Size (64 KiB serialized) and Liquid syntax of every string, by JSON path under `at`. */
export function payloadProblems(payload: unknown, at: string, timezone = "UTC"): ErrorDetail[] {
  const bytes = new TextEncoder().encode(JSON.stringify(payload) ?? "").length;
  if (bytes > MAX_PAYLOAD_BYTES) {
    return [{ path: at, message: `is ${bytes} bytes serialized; a payload may be at most ${MAX_PAYLOAD_BYTES} bytes (64 KiB)` }];
  }
  return validatePayloadTemplates(payload, timezone).map((p) => ({ path: join(at, p.path), message: p.message }));
}

/** Unknown operators, bad regexes, unknown segment keys… by path into the condition. */
export function audienceProblems(audience: unknown, at: string, ctx: CheckContext): ErrorDetail[] {
  if (audience === null || audience === undefined) return [];
  return validateCondition(audience, { segmentKeys: ctx.segmentKeys }).map((p) => ({ path: join(at, p.path), message: p.message }));
}

export function scheduleProblems(schedule: unknown, at: string, ctx: CheckContext): ErrorDetail[] {
  if (schedule === null || schedule === undefined) return [];
  return validateSchedule(schedule, ctx.timezone).map((p) => ({ path: join(at, p.path), message: p.message }));
}

/** Every save-time problem of an experience's content; `at` is its path (`experiences.2`, or "" for a body). */
export function experienceProblems(
  content: { payload?: unknown; audience?: unknown; schedule?: unknown },
  at: string,
  ctx: CheckContext,
): ErrorDetail[] {
  return [
    ...(content.payload === undefined ? [] : payloadProblems(content.payload, join(at, "payload"), ctx.timezone)),
    ...audienceProblems(content.audience, join(at, "audience"), ctx),
    ...scheduleProblems(content.schedule, join(at, "schedule"), ctx),
  ];
}

/** A 400 listing every problem, its message naming the first. */
export function throwIfProblems(problems: ErrorDetail[], what = "request body"): void {
  if (problems.length === 0) return;
  const first = problems[0];
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
  throw new AppError("validation_failed", `The ${what} is invalid: ${first.path}: ${first.message}${more}.`, problems);
}

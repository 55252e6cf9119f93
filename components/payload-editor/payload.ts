import { compilePayload, MAX_PAYLOAD_BYTES, validatePayloadTemplates, type RenderScope } from "@/lib/engine";
import { locateJsonValues, type TextRange } from "./json-locate";

export { MAX_PAYLOAD_BYTES };

/** A problem of the payload, at a JSON path (`""` is the root), with where it is in the text when known. */
export interface PayloadIssue {
  readonly path: string;
  readonly message: string;
  readonly range: TextRange | null;
  readonly source: "json" | "liquid" | "size" | "server";
}

export type PayloadAnalysis =
  | { readonly valid: true; readonly value: unknown; readonly bytes: number; readonly issues: readonly PayloadIssue[] }
  | { readonly valid: false; readonly error: string; readonly bytes: number; readonly issues: readonly PayloadIssue[] };

const encoder = new TextEncoder();

/** Bytes as the API counts them: the compact JSON serialization, UTF-8. */
export function payloadBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? "").length;
}

/**
 * Parses the editor's text and checks what the API checks when it is saved (SPEC §5): valid
 * JSON, at most 64 KiB serialized, every Liquid template parses. `extra` are problems the API
 * reported, at payload-relative paths.
 */
export function analyzePayload(text: string, timezone = "UTC", extra: readonly { path: string; message: string }[] = []): PayloadAnalysis {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // Monaco's JSON worker marks where; here the message is for the status line.
    const message = error instanceof Error ? error.message : String(error);
    return { valid: false, error: text.trim() === "" ? "The payload is empty: write a JSON value." : message, bytes: encoder.encode(text).length, issues: [] };
  }
  const ranges = locateJsonValues(text);
  const issues: PayloadIssue[] = validatePayloadTemplates(value, timezone).map((p) => ({
    path: p.path,
    message: p.path === "" && p.message.includes("KiB") ? `The payload is larger than 64 KiB (${formatBytes(payloadBytes(value))} serialized)` : `Liquid: ${p.message}`,
    range: p.path === "" ? null : (ranges.get(p.path) ?? null),
    source: p.path === "" && p.message.includes("KiB") ? "size" : "liquid",
  }));
  for (const p of extra) issues.push({ path: p.path, message: p.message, range: ranges.get(p.path) ?? null, source: "server" });
  return { valid: true, value, bytes: payloadBytes(value), issues };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KiB`;
}

/** A fictional visitor for the preview: what Liquid sees (SPEC §5). */
export interface PreviewProfile {
  readonly id: string;
  readonly name: string;
  /** For the in-browser fallback render; the preview API loads the saved profile by id. */
  readonly scope?: Partial<RenderScope>;
}

/** The fields of a saved test profile (`GET …/test-profiles`) that rendering reads. */
export interface TestProfileLike {
  readonly userId?: string | null;
  readonly attributes?: Record<string, unknown>;
  readonly accountAttributes?: Record<string, unknown>;
  readonly requestAttributes?: Record<string, unknown>;
  readonly url?: string | null;
  readonly referrer?: string | null;
  readonly device?: string | null;
  readonly userAgent?: string | null;
  readonly sessionId?: string | null;
}

/** The render scope the engine would build for a test profile (for rendering in the browser). */
export function scopeFromTestProfile(profile: TestProfileLike): RenderScope {
  const request = profile.requestAttributes ?? {};
  const { user: requestUser, account: requestAccount, ...extra } = request as { user?: unknown; account?: unknown } & Record<string, unknown>;
  const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
  let path: string | null = null;
  const query: Record<string, string> = {};
  if (profile.url) {
    try {
      const parsed = new URL(profile.url);
      path = parsed.pathname;
      for (const [k, v] of parsed.searchParams) if (!Object.hasOwn(query, k)) query[k] = v;
    } catch {
      path = null;
    }
  }
  return {
    attribute: {
      ...extra,
      user: { ...profile.attributes, ...(isRecord(requestUser) ? requestUser : {}) },
      account: { ...profile.accountAttributes, ...(isRecord(requestAccount) ? requestAccount : {}) },
    },
    profile: { id: "preview", profileId: null, userId: profile.userId ?? null, accountId: null },
    session: { id: profile.sessionId ?? null, visitId: profile.sessionId ?? null },
    request: { url: profile.url ?? null, path, query, referrer: profile.referrer ?? null, device: profile.device ?? null, userAgent: profile.userAgent ?? null },
  };
}

const EMPTY_SCOPE: RenderScope = { attribute: { user: {}, account: {} }, profile: {}, session: {}, request: {} };

/** Renders in the browser with the engine's own Liquid sandbox: the preview's fallback. */
export function renderLocally(payload: unknown, scope: Partial<RenderScope> | undefined, timezone = "UTC", now = Date.now()): { body: unknown } | { error: string } {
  const full: RenderScope = { ...EMPTY_SCOPE, ...scope };
  const result = compilePayload(payload, timezone).render(full, now);
  return result.ok ? { body: result.body } : { error: result.path === "" ? result.error : `${result.path}: ${result.error}` };
}

import type { RenderScope } from "../render/payload";
import type { ResolvedDevice } from "../rules/device";
import type { DecisionContext } from "./types";

/**
 * The evaluation document of SPEC §3 — what audience conditions see — and the Liquid scope of
 * SPEC §5, both built once per `choose` call.
 *
 * Request attributes are merged in for this call only. They cannot replace the identity keys
 * (`id`, `userId`, `profileId`) or `context`, which describe the request itself; an object under
 * `user` or `account` is merged over the profile's attributes (request wins), so a caller can
 * supply a fresher value for one attribute without resending the rest.
 */
export interface EvaluationDocument {
  readonly user: Readonly<Record<string, unknown>>;
  readonly account: Readonly<Record<string, unknown>>;
  readonly id: string;
  readonly userId: string | null;
  readonly profileId: string | null;
  readonly context: {
    readonly url: string | null;
    readonly path: string | null;
    readonly query: Readonly<Record<string, string>>;
    readonly referrer: string | null;
    readonly device: string | null;
    readonly userAgent: string | null;
  };
  readonly [attribute: string]: unknown;
}

const RESERVED = new Set(["id", "userId", "profileId", "context"]);
const EMPTY: Readonly<Record<string, never>> = Object.freeze({});

export function buildDocument(context: DecisionContext, device: ResolvedDevice): EvaluationDocument {
  const { profile, request } = context;
  let user = profile.attributes ?? EMPTY;
  let account = profile.accountAttributes ?? EMPTY;
  const extra: Record<string, unknown> = {};
  if (request.attributes) {
    for (const [key, value] of Object.entries(request.attributes)) {
      if (RESERVED.has(key)) continue;
      if (key === "user" && isRecord(value)) user = { ...user, ...value };
      else if (key === "account" && isRecord(value)) account = { ...account, ...value };
      else extra[key] = value;
    }
  }
  const url = request.url ?? null;
  const { path, query } = parseUrl(url);
  return {
    ...extra,
    user,
    account,
    id: profile.id,
    userId: profile.userId ?? null,
    profileId: profile.profileId ?? null,
    context: {
      url,
      path,
      query,
      referrer: request.referrer ?? null,
      device: device.device,
      userAgent: request.userAgent ?? null,
    },
  };
}

export function buildRenderScope(context: DecisionContext, doc: EvaluationDocument): RenderScope {
  const { id: _id, userId: _userId, profileId: _profileId, context: request, ...attribute } = doc;
  const { profile } = context;
  return {
    attribute,
    profile: { id: profile.id, profileId: profile.profileId ?? null, userId: profile.userId ?? null, accountId: profile.accountId ?? null },
    session: { id: context.request.sessionId ?? null, visitId: context.request.visitId ?? context.request.sessionId ?? null },
    request,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const NO_QUERY: Readonly<Record<string, string>> = Object.freeze({});

/** Path and query of an absolute or site-relative URL; the first value of a repeated parameter wins. */
function parseUrl(url: string | null): { path: string | null; query: Readonly<Record<string, string>> } {
  if (url === null || url === "") return { path: null, query: NO_QUERY };
  let parsed: URL;
  try {
    parsed = new URL(url, "http://relative.invalid");
  } catch {
    return { path: null, query: NO_QUERY };
  }
  if (parsed.search === "") return { path: parsed.pathname, query: NO_QUERY };
  const query: Record<string, string> = {};
  for (const [key, value] of parsed.searchParams) if (!Object.hasOwn(query, key)) query[key] = value;
  return { path: parsed.pathname, query };
}

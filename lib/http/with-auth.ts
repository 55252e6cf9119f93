import { getDbHandle } from "../../db/connection";
import type { DbHandle } from "../../db/client";
import { presentedKey, secretMatches, type Scope } from "../auth/api-keys";
import { hasAccess, type Access, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { findKeyByPrefix, touchKey } from "../services/auth/find-key";
import { findMembership } from "../services/auth/find-membership";
import type { ProjectRef, ServiceContext } from "../services/context";
import type { ApiHandler, ApiRequest, ApiResponse } from "./types";

export interface AuthOptions {
  /** The key scope the endpoint needs. Console sessions are accepted on `manage` endpoints only. */
  scope: Scope;
  /** What the action needs of a user's role; by default `read` for GET, `write` otherwise. */
  access?: Access;
}

export type AuthedHandler = (req: ApiRequest, ctx: ServiceContext) => Promise<ApiResponse>;

const unauthorized = (message: string) => new AppError("unauthorized", message, undefined, { "www-authenticate": 'Basic realm="bespoke"' });

/**
 * Authenticates the request (API key, or the console session) and checks, before anything else,
 * that the credential belongs to the URL's organization and project and may do what the endpoint
 * does. 401: no or bad credential; 403: a good credential without the scope, role or project.
 */
export function withAuth(handler: AuthedHandler, options: AuthOptions): ApiHandler {
  return async (req) => {
    const handle = await getDbHandle();
    const access = options.access ?? (req.method === "GET" || req.method === "HEAD" ? "read" : "write");
    const { actor, project } = await authenticate(req, handle, options.scope, access);
    return handler(req, { db: handle.db, handle, actor, project, requestId: req.requestId });
  };
}

async function authenticate(
  req: ApiRequest,
  handle: DbHandle,
  scope: Scope,
  access: Access,
): Promise<{ actor: Actor; project: ProjectRef }> {
  const orgName = req.params.orgName ?? "";
  const projectName = req.params.projectName ?? "";
  const key = presentedKey((name) => req.header(name));

  if (key) {
    const record = await findKeyByPrefix(handle, key.prefix);
    if (!record || !secretMatches(key.secret, record.secretHash)) throw unauthorized("The API key is not valid.");
    if (record.revoked) throw unauthorized("The API key has been revoked.");
    if (record.project.orgName !== orgName || record.project.name !== projectName) {
      throw new AppError("forbidden", `This API key belongs to another project, not ${orgName}/${projectName}.`);
    }
    if (!record.scopes.includes(scope)) {
      throw new AppError("forbidden", `This API key lacks the "${scope}" scope; its scopes are: ${record.scopes.join(", ")}.`);
    }
    const actor: Actor = { type: "key", sourceId: record.sourceId, prefix: record.prefix, scopes: record.scopes };
    // Roles and access levels are management concepts; a data-plane endpoint needs only its scope.
    if (scope === "manage" && !hasAccess(actor, access)) throw new AppError("forbidden", "API keys cannot do this; sign in to the console as an owner or admin.");
    touchKey(handle, record.sourceId);
    return { actor, project: record.project };
  }

  const userId = scope === "manage" && req.sessionUserId ? await req.sessionUserId() : null;
  if (!userId) {
    throw unauthorized(
      'Authentication required: send an API key as "Authorization: Basic base64(prefix:secret)", "Authorization: Bearer prefix.secret" or "X-API-Key: prefix.secret".',
    );
  }
  const membership = await findMembership(handle, userId, orgName, projectName);
  if (!membership) throw new AppError("forbidden", `You are not a member of the organization "${orgName}".`);
  if (!membership.project) throw new AppError("not_found", `The project "${projectName}" was not found in "${orgName}".`);
  const actor: Actor = { type: "user", userId, email: membership.email, role: membership.role };
  if (!hasAccess(actor, access)) {
    throw new AppError(
      "forbidden",
      access === "read" ? "Your role cannot see this." : `Your role (${membership.role}) cannot make this change.`,
    );
  }
  return { actor, project: membership.project };
}

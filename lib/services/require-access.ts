import { hasAccess, type Access } from "../auth/permissions";
import { AppError } from "../errors";
import type { ServiceContext } from "./context";

/** Every verb checks first that its actor may do what it does, whoever called it. */
export function requireAccess(ctx: Pick<ServiceContext, "actor">, access: Access): void {
  if (hasAccess(ctx.actor, access)) return;
  const who = ctx.actor.type === "user" ? `Your role (${ctx.actor.role})` : "This credential";
  throw new AppError("forbidden", access === "read" ? `${who} cannot see this.` : `${who} cannot make this change.`);
}

export function auditScope(ctx: ServiceContext) {
  return { actor: ctx.actor, orgId: ctx.project.orgId, projectId: ctx.project.id, requestId: ctx.requestId };
}

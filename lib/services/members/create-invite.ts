import { and, eq } from "drizzle-orm";
import { invites, memberships, users } from "../../../db/schema";
import { AppError } from "../../errors";
import { parseValue } from "../../http/parse-body";
import { inviteSchema } from "../../schemas/auth";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { auditScope, requireAccess } from "../require-access";
import { INVITE_DAYS, newInviteToken } from "./invite-token";

/**
 * Invites someone to the organization with a role. Bespoke sends no email: the link
 * (`/invite/{token}`) is returned once, for the inviter to pass on; only its hash is kept.
 */
export async function createInvite(ctx: ServiceContext, input: unknown) {
  requireAccess(ctx, "members");
  const { email, role } = parseValue(input, inviteSchema);
  if (role === "owner" && !(ctx.actor.type === "user" && ctx.actor.role === "owner")) {
    throw new AppError("forbidden", "Only an owner can invite another owner.");
  }
  const { token, hash } = newInviteToken();
  return ctx.db.transaction(async (tx) => {
    const [already] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, ctx.project.orgId), eq(users.email, email)));
    if (already) throw new AppError("conflict", `${email} is already a member of this organization.`);
    const [invite] = await tx
      .insert(invites)
      .values({
        orgId: ctx.project.orgId,
        email,
        role,
        tokenHash: hash,
        invitedBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
        expiresAt: new Date(Date.now() + INVITE_DAYS * 86_400_000),
      })
      .returning();
    await writeAudit(tx, auditScope(ctx), { action: "member.invite", entityType: "invite", entityId: invite.id, after: { email, role } });
    return {
      invite: { id: invite.id, email, role, createdAt: invite.createdAt.toISOString(), expiresAt: invite.expiresAt.toISOString() },
      token,
      path: `/invite/${token}`,
    };
  });
}

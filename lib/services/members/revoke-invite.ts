import { and, eq, isNull } from "drizzle-orm";
import { invites } from "../../../db/schema";
import { AppError } from "../../errors";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { auditScope, requireAccess } from "../require-access";

export async function revokeInvite(ctx: ServiceContext, inviteId: string) {
  requireAccess(ctx, "members");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(invites)
      .set({ revokedAt: new Date() })
      .where(and(eq(invites.id, inviteId), eq(invites.orgId, ctx.project.orgId), isNull(invites.acceptedAt), isNull(invites.revokedAt)))
      .returning();
    if (!row) throw new AppError("not_found", "That invitation was not found, or was already used or revoked.");
    await writeAudit(tx, auditScope(ctx), { action: "member.invite_revoke", entityType: "invite", entityId: row.id, before: { email: row.email, role: row.role } });
    return { id: row.id, revoked: true };
  });
}

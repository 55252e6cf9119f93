import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { invites, memberships, users } from "../../../db/schema";
import type { ServiceContext } from "../context";
import { requireAccess } from "../require-access";

/** The organization's members and its pending (unaccepted, unexpired, unrevoked) invitations. */
export async function listMembers(ctx: ServiceContext) {
  requireAccess(ctx, "read");
  const members = await ctx.db
    .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, ctx.project.orgId))
    .orderBy(asc(users.email));
  const pending = await ctx.db
    .select({ id: invites.id, email: invites.email, role: invites.role, createdAt: invites.createdAt, expiresAt: invites.expiresAt })
    .from(invites)
    .where(and(eq(invites.orgId, ctx.project.orgId), isNull(invites.acceptedAt), isNull(invites.revokedAt), gt(invites.expiresAt, new Date())))
    .orderBy(asc(invites.createdAt));
  return {
    members: members.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() })),
    invites: pending.map((i) => ({ ...i, createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString() })),
  };
}

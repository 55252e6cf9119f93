import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "../../../db/client";
import { memberships } from "../../../db/schema";
import type { Role } from "../../auth/permissions";
import { AppError } from "../../errors";
import { parseValue } from "../../http/parse-body";
import { changeRoleSchema } from "../../schemas/auth";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { auditScope, requireAccess } from "../require-access";

async function membershipOf(tx: Transaction, orgId: string, userId: string) {
  const [row] = await tx.select().from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId))).for("update");
  if (!row) throw new AppError("not_found", "That person is not a member of this organization.");
  return row;
}

async function ownerCount(tx: Transaction, orgId: string): Promise<number> {
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.role, "owner")));
  return n;
}

function requireOwnerFor(ctx: ServiceContext, roles: Role[]): void {
  if (roles.includes("owner") && !(ctx.actor.type === "user" && ctx.actor.role === "owner")) {
    throw new AppError("forbidden", "Only an owner can make or unmake owners.");
  }
}

/** Changes a member's role. An organization always keeps at least one owner. */
export async function changeRole(ctx: ServiceContext, userId: string, input: unknown) {
  requireAccess(ctx, "members");
  const { role } = parseValue(input, changeRoleSchema);
  return ctx.db.transaction(async (tx) => {
    const row = await membershipOf(tx, ctx.project.orgId, userId);
    requireOwnerFor(ctx, [row.role, role]);
    if (row.role === "owner" && role !== "owner" && (await ownerCount(tx, ctx.project.orgId)) <= 1) {
      throw new AppError("conflict", "The organization needs at least one owner: make someone else an owner first.");
    }
    await tx.update(memberships).set({ role }).where(eq(memberships.id, row.id));
    await writeAudit(tx, auditScope(ctx), { action: "member.role", entityType: "member", entityId: userId, before: { role: row.role }, after: { role } });
    return { userId, role };
  });
}

/** Removes a member from the organization (their account stays). The last owner cannot be removed. */
export async function removeMember(ctx: ServiceContext, userId: string) {
  requireAccess(ctx, "members");
  return ctx.db.transaction(async (tx) => {
    const row = await membershipOf(tx, ctx.project.orgId, userId);
    requireOwnerFor(ctx, [row.role]);
    if (row.role === "owner" && (await ownerCount(tx, ctx.project.orgId)) <= 1) {
      throw new AppError("conflict", "The organization needs at least one owner: make someone else an owner first.");
    }
    await tx.delete(memberships).where(eq(memberships.id, row.id));
    await writeAudit(tx, auditScope(ctx), { action: "member.remove", entityType: "member", entityId: userId, before: { role: row.role } });
    return { userId, removed: true };
  });
}

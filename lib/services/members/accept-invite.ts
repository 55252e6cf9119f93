import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { invites, memberships, organizations, users } from "../../../db/schema";
import { hashPassword, verifyPassword } from "../../auth/passwords";
import { AppError } from "../../errors";
import { parseValue } from "../../http/parse-body";
import { acceptInviteSchema } from "../../schemas/auth";
import { writeAudit } from "../audit/write-audit";
import { hashInviteToken } from "./invite-token";

async function findOpenInvite(db: Database, token: string) {
  const [row] = await db
    .select({ invite: invites, org: organizations.name })
    .from(invites)
    .innerJoin(organizations, eq(organizations.id, invites.orgId))
    .where(and(eq(invites.tokenHash, hashInviteToken(token)), isNull(invites.acceptedAt), isNull(invites.revokedAt), gt(invites.expiresAt, new Date())));
  if (!row) throw new AppError("not_found", "This invitation link is not valid: it may have expired, been used or been revoked.");
  return row;
}

/** What the invite page shows before the invitee accepts. */
export async function getInviteInfo(db: Database, token: string) {
  const { invite, org } = await findOpenInvite(db, token);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, invite.email));
  return { organization: org, email: invite.email, role: invite.role, accountExists: Boolean(existing), expiresAt: invite.expiresAt.toISOString() };
}

/**
 * Accepts an invitation: a new person sets their password; someone who already has an account
 * proves it with theirs. Either way they join the organization with the invited role.
 */
export async function acceptInvite(db: Database, token: string, input: unknown) {
  const { name, password } = parseValue(input, acceptInviteSchema);
  const { invite, org } = await findOpenInvite(db, token);
  const [existing] = await db.select().from(users).where(eq(users.email, invite.email));
  if (existing && !(await verifyPassword(existing.passwordHash, password))) {
    throw new AppError("unauthorized", `Enter the password of your existing account ${invite.email}.`);
  }
  const passwordHash = existing ? null : await hashPassword(password);
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(invites)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invites.id, invite.id), isNull(invites.acceptedAt)))
      .returning({ id: invites.id });
    if (!claimed) throw new AppError("conflict", "This invitation was accepted already.");
    const user = existing ?? (await tx.insert(users).values({ email: invite.email, name: name || null, passwordHash: passwordHash ?? "" }).returning())[0];
    await tx.insert(memberships).values({ orgId: invite.orgId, userId: user.id, role: invite.role }).onConflictDoNothing();
    await writeAudit(
      tx,
      { actor: { type: "user", userId: user.id, email: user.email, role: invite.role }, orgId: invite.orgId, projectId: null },
      { action: "member.join", entityType: "user", entityId: user.id, after: { email: user.email, role: invite.role } },
    );
    return { email: user.email, organization: org, role: invite.role };
  });
}

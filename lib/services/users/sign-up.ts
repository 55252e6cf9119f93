import { sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { memberships, organizations, projects, users } from "../../../db/schema";
import { hashPassword } from "../../auth/passwords";
import { AppError } from "../../errors";
import { parseValue } from "../../http/parse-body";
import { signUpSchema, type SignUpInput } from "../../schemas/auth";
import { writeAudit } from "../audit/write-audit";

// Serialises sign-ups so that two first visitors cannot both become the first owner.
const SIGN_UP_LOCK = 7_274_272;

/**
 * Sign-up on an empty instance: the first user becomes the owner of a new organization and project.
 * Once anyone has an account, people join by invitation only.
 */
export async function signUp(db: Database, input: SignUpInput) {
  const data = parseValue(input, signUpSchema);
  const passwordHash = await hashPassword(data.password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SIGN_UP_LOCK})`);
    const [{ count }] = await tx.select({ count: sql<number>`count(*)::int` }).from(users);
    if (count > 0) {
      throw new AppError("forbidden", "This instance already has accounts: ask an owner or admin for an invite link.");
    }
    const [user] = await tx.insert(users).values({ email: data.email, name: data.name || null, passwordHash }).returning();
    const [org] = await tx.insert(organizations).values({ name: data.organization, displayName: data.organization }).returning();
    const [project] = await tx.insert(projects).values({ orgId: org.id, name: data.project, timezone: data.timezone }).returning();
    await tx.insert(memberships).values({ orgId: org.id, userId: user.id, role: "owner" });
    await writeAudit(
      tx,
      { actor: { type: "user", userId: user.id, email: user.email, role: "owner" }, orgId: org.id, projectId: project.id },
      { action: "instance.sign_up", entityType: "user", entityId: user.id, after: { email: user.email, org: org.name, project: project.name } },
    );
    return { user: { id: user.id, email: user.email }, org: org.name, project: project.name };
  });
}

export async function hasAnyUser(db: Database): Promise<boolean> {
  const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  return count > 0;
}

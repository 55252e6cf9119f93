import { getDbHandle } from "@/db/connection";
import { memberships, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/passwords";
import type { Role } from "@/lib/auth/permissions";
import type { TestProject } from "./fixtures";
import { uniqueName } from "./fixtures";
import { sessionCookie } from "./session";

/** A user with a role in the test project's organization, and their session cookie. */
export async function createMember(p: TestProject, role: Role, password = "correct horse battery") {
  const { db } = await getDbHandle();
  const email = `${uniqueName(role)}@example.com`;
  const [user] = await db.insert(users).values({ email, passwordHash: await hashPassword(password) }).returning();
  await db.insert(memberships).values({ orgId: p.ctx.project.orgId, userId: user.id, role });
  return { id: user.id, email, password, cookie: await sessionCookie(user.id, email) };
}

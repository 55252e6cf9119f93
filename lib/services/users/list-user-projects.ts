import { asc, eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { memberships, organizations, projects, users } from "../../../db/schema";
import type { Role } from "../../auth/permissions";

export interface ProjectAccess {
  org: string;
  project: string;
  role: Role;
  timezone: string;
}

/** The projects a user can open, through their organizations' memberships. */
export async function listUserProjects(db: Database, userId: string): Promise<ProjectAccess[]> {
  return db
    .select({ org: organizations.name, project: projects.name, role: memberships.role, timezone: projects.timezone })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .innerJoin(projects, eq(projects.orgId, organizations.id))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.name), asc(projects.name));
}

export async function getUser(db: Database, userId: string) {
  const [user] = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
  return user ?? null;
}

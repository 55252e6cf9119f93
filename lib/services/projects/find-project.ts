import { and, eq } from "drizzle-orm";
import { organizations, projects } from "../../../db/schema";
import type { Queryable } from "../../../db/client";
import { AppError } from "../../errors";
import type { ProjectRef } from "../context";

/** The project named `orgName/projectName`; a 404 naming what is missing otherwise. */
export async function findProject(db: Queryable, orgName: string, projectName: string): Promise<ProjectRef> {
  const rows = await db
    .select({
      id: projects.id,
      name: projects.name,
      timezone: projects.timezone,
      orgId: organizations.id,
      orgName: organizations.name,
    })
    .from(organizations)
    .leftJoin(projects, and(eq(projects.orgId, organizations.id), eq(projects.name, projectName)))
    .where(eq(organizations.name, orgName));
  const row = rows[0];
  if (!row) throw new AppError("not_found", `Organization "${orgName}" was not found.`);
  if (!row.id || !row.name || !row.timezone) {
    throw new AppError("not_found", `Project "${projectName}" was not found in "${orgName}".`);
  }
  return { id: row.id, name: row.name, timezone: row.timezone, orgId: row.orgId, orgName: row.orgName };
}

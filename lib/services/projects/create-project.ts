import { eq } from "drizzle-orm";
import { organizations, projects } from "../../../db/schema";
import type { Database } from "../../../db/client";
import { isUniqueViolation } from "../../../db/errors";
import type { Actor } from "../../auth/permissions";
import { AppError } from "../../errors";
import { canonicalTimeZone, nameProblem } from "../../validation/names";
import { writeAudit } from "../audit/write-audit";
import type { ProjectRef } from "../context";

/** Creates a project in an organization, with the IANA time zone its schedules are evaluated in. */
export async function createProject(
  { db, actor }: { db: Database; actor: Actor },
  input: { orgName: string; name: string; timezone?: string },
): Promise<ProjectRef> {
  const problem = nameProblem(input.name, "Project name");
  if (problem) throw new AppError("validation_failed", problem, [{ path: "name", message: problem }]);
  const timezone = canonicalTimeZone(input.timezone ?? "UTC");
  if (!timezone) {
    const message = `"${input.timezone}" is not an IANA time zone (e.g. "Europe/Berlin", "UTC").`;
    throw new AppError("validation_failed", message, [{ path: "timezone", message }]);
  }
  const [org] = await db.select().from(organizations).where(eq(organizations.name, input.orgName));
  if (!org) throw new AppError("not_found", `Organization "${input.orgName}" was not found.`);
  try {
    return await db.transaction(async (tx) => {
      const [project] = await tx.insert(projects).values({ orgId: org.id, name: input.name, timezone }).returning();
      await writeAudit(tx, { actor, orgId: org.id, projectId: project.id }, {
        action: "project.create",
        entityType: "project",
        entityId: project.id,
        after: { name: project.name, timezone: project.timezone },
      });
      return { id: project.id, name: project.name, orgId: org.id, orgName: org.name, timezone: project.timezone };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", `Project "${input.name}" already exists in "${input.orgName}".`);
    }
    throw error;
  }
}

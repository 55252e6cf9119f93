import { eq } from "drizzle-orm";
import { z } from "zod";
import { projects } from "../../../db/schema";
import { isUniqueViolation } from "../../../db/errors";
import { AppError } from "../../errors";
import { parseValue } from "../../http/parse-body";
import { nameSchema, timeZoneSchema } from "../../validation/names";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { projectChanged } from "../project-changed";
import { auditScope, requireAccess } from "../require-access";

export const updateProjectSchema = z
  .object({ name: nameSchema("Project name").optional(), timezone: timeZoneSchema.optional() })
  .meta({ id: "UpdateProject" });

export const projectSchema = z
  .object({ id: z.string(), org: z.string(), name: z.string(), timezone: z.string() })
  .meta({ id: "Project" });

export function getProject(ctx: ServiceContext) {
  requireAccess(ctx, "read");
  return { id: ctx.project.id, org: ctx.project.orgName, name: ctx.project.name, timezone: ctx.project.timezone };
}

/** Renames a project or changes its time zone (schedules are evaluated in it from the next decision on). */
export async function updateProject(ctx: ServiceContext, input: unknown) {
  requireAccess(ctx, "admin");
  const changes = parseValue(input, updateProjectSchema);
  try {
    const updated = await ctx.db.transaction(async (tx) => {
      const [row] = await tx.update(projects).set(changes).where(eq(projects.id, ctx.project.id)).returning();
      await writeAudit(tx, auditScope(ctx), {
        action: "project.update",
        entityType: "project",
        entityId: ctx.project.id,
        before: { name: ctx.project.name, timezone: ctx.project.timezone },
        after: { name: row.name, timezone: row.timezone },
      });
      return { id: row.id, org: ctx.project.orgName, name: row.name, timezone: row.timezone };
    });
    await projectChanged(ctx);
    return updated;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `A project named "${changes.name}" already exists in this organization.`);
    throw error;
  }
}

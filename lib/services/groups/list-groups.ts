import { eq, sql } from "drizzle-orm";
import { selectorGroups } from "../../../db/schema";
import type { Group } from "../../schemas/groups";
import type { ServiceContext } from "../context";
import { requireAccess } from "../require-access";
import { toGroupViews } from "./group-view";

/** The project's selector groups by name, each with its member personalizations. */
export async function listGroups(ctx: ServiceContext): Promise<Group[]> {
  requireAccess(ctx, "read");
  const rows = await ctx.db
    .select()
    .from(selectorGroups)
    .where(eq(selectorGroups.projectId, ctx.project.id))
    .orderBy(sql`lower(${selectorGroups.name}) collate "C"`, sql`${selectorGroups.name} collate "C"`);
  return toGroupViews(ctx.db, ctx.project.id, rows);
}

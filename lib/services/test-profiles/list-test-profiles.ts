import { eq, sql } from "drizzle-orm";
import { testProfiles } from "../../../db/schema";
import type { TestProfile } from "../../schemas/test-profiles";
import type { ServiceContext } from "../context";
import { requireAccess } from "../require-access";
import { toTestProfileView } from "./test-profile-view";

/** The project's test profiles by name. */
export async function listTestProfiles(ctx: ServiceContext): Promise<TestProfile[]> {
  requireAccess(ctx, "read");
  const rows = await ctx.db
    .select()
    .from(testProfiles)
    .where(eq(testProfiles.projectId, ctx.project.id))
    .orderBy(sql`lower(${testProfiles.name}) collate "C"`, sql`${testProfiles.name} collate "C"`);
  return rows.map(toTestProfileView);
}

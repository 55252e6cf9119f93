import { eq, sql } from "drizzle-orm";
import { segments } from "../../../db/schema";
import type { Segment } from "../../schemas/segments";
import type { ServiceContext } from "../context";
import { requireAccess } from "../require-access";
import { toSegmentViews } from "./segment-view";

/** The project's segments by key; static ones with their member count. */
export async function listSegments(ctx: ServiceContext): Promise<Segment[]> {
  requireAccess(ctx, "read");
  const rows = await ctx.db.select().from(segments).where(eq(segments.projectId, ctx.project.id)).orderBy(sql`lower(${segments.key}) collate "C"`, sql`${segments.key} collate "C"`);
  return toSegmentViews(ctx.db, ctx.project.id, rows);
}

import { asc, eq } from "drizzle-orm";
import { sources } from "../../../db/schema";
import type { Source } from "../../schemas/sources";
import type { ServiceContext } from "../context";
import { requireAccess } from "../require-access";
import { toSourceView } from "./source-view";

/** The project's API keys, oldest first, revoked ones included (they show as revoked). */
export async function listSources(ctx: ServiceContext): Promise<Source[]> {
  requireAccess(ctx, "read");
  const rows = await ctx.db.select().from(sources).where(eq(sources.projectId, ctx.project.id)).orderBy(asc(sources.id));
  return rows.map(toSourceView);
}

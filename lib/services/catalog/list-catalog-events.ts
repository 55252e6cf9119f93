import { and, eq, ilike, sql } from "drizzle-orm";
import { catalogEvents } from "../../../db/schema";
import { parseValue } from "../../http/parse-body";
import { catalogQuerySchema, type CatalogEvent } from "../../schemas/catalog";
import type { ServiceContext } from "../context";
import { requireAccess } from "../require-access";
import { prefixPattern } from "./prefix-pattern";

/** Event names seen in the project (filled by track), by name, optionally those starting with `q`. */
export async function listCatalogEvents(ctx: ServiceContext, input: unknown): Promise<{ events: CatalogEvent[]; hasMore: boolean }> {
  requireAccess(ctx, "read");
  const { q, limit } = parseValue(input, catalogQuerySchema, "query string");
  const rows = await ctx.db
    .select()
    .from(catalogEvents)
    .where(and(eq(catalogEvents.projectId, ctx.project.id), q ? ilike(catalogEvents.name, prefixPattern(q)) : undefined))
    .orderBy(sql`lower(${catalogEvents.name}) collate "C"`, sql`${catalogEvents.name} collate "C"`)
    .limit(limit + 1);
  return {
    events: rows.slice(0, limit).map((r) => ({
      name: r.name,
      count: Number(r.count),
      firstSeenAt: r.firstSeenAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
    })),
    hasMore: rows.length > limit,
  };
}

import { and, eq, ilike, sql } from "drizzle-orm";
import { catalogAttributes } from "../../../db/schema";
import { parseValue } from "../../http/parse-body";
import { catalogQuerySchema, type CatalogAttribute } from "../../schemas/catalog";
import type { ServiceContext } from "../context";
import { requireAccess } from "../require-access";
import { prefixPattern } from "./prefix-pattern";

/** Attribute paths seen in the project and their JSON type, by path, optionally those starting with `q`. */
export async function listCatalogAttributes(
  ctx: ServiceContext,
  input: unknown,
): Promise<{ attributes: CatalogAttribute[]; hasMore: boolean }> {
  requireAccess(ctx, "read");
  const { q, limit } = parseValue(input, catalogQuerySchema, "query string");
  const rows = await ctx.db
    .select()
    .from(catalogAttributes)
    .where(and(eq(catalogAttributes.projectId, ctx.project.id), q ? ilike(catalogAttributes.path, prefixPattern(q)) : undefined))
    .orderBy(sql`lower(${catalogAttributes.path}) collate "C"`, sql`${catalogAttributes.path} collate "C"`)
    .limit(limit + 1);
  return {
    attributes: rows.slice(0, limit).map((r) => ({ path: r.path, type: r.type, lastSeenAt: r.lastSeenAt.toISOString() })),
    hasMore: rows.length > limit,
  };
}

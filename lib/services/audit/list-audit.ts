import { and, desc, eq, sql } from "drizzle-orm";
import { auditLog } from "../../../db/schema";
import { parseValue } from "../../http/parse-body";
import { auditQuerySchema, type AuditEntry } from "../../schemas/audit";
import type { ServiceContext } from "../context";
import { requireAccess } from "../require-access";

/**
 * The project's audit log, newest first, optionally about one kind of entity and/or one entity.
 * Paged by `before` (the id of the oldest entry already shown): stable while new entries arrive.
 * Ordered by time, then id, so both indexes of the table (project + time, entity + time) serve it.
 */
export async function listAudit(ctx: ServiceContext, input: unknown): Promise<{ entries: AuditEntry[]; nextBefore: number | null }> {
  requireAccess(ctx, "read");
  const { entity, id, limit, before } = parseValue(input, auditQuerySchema, "query string");
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.projectId, ctx.project.id),
        entity === undefined ? undefined : eq(auditLog.entityType, entity),
        id === undefined ? undefined : eq(auditLog.entityId, id),
        before === undefined
          ? undefined
          : sql`(${auditLog.createdAt}, ${auditLog.id}) < (select a.created_at, a.id from audit_log a where a.id = ${before} and a.project_id = ${ctx.project.id})`,
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    entries: page.map((r) => ({
      id: Number(r.id),
      actor: { type: r.actorType, id: r.actorId, label: r.actorLabel },
      action: r.action,
      entity: { type: r.entityType, id: r.entityId },
      before: r.before ?? null,
      after: r.after ?? null,
      whileRunning: r.whileRunning,
      requestId: r.requestId,
      createdAt: r.createdAt.toISOString(),
    })),
    nextBefore: rows.length > limit ? Number(page[page.length - 1].id) : null,
  };
}

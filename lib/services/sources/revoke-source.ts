import { eq } from "drizzle-orm";
import { sources } from "../../../db/schema";
import { publishChange } from "../../cache/change-bus";
import type { Source } from "../../schemas/sources";
import { forgetKey } from "../auth/find-key";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { auditScope, requireAccess } from "../require-access";
import { findSourceRow } from "./find-source";
import { toSourceView } from "./source-view";

/**
 * Revokes an API key: from now on it gets 401 on every instance (the revocation is published on the
 * change bus so cached verifications are dropped). Revoking twice is harmless.
 */
export async function revokeSource(ctx: ServiceContext, ref: { id?: number; prefix?: string }): Promise<Source> {
  requireAccess(ctx, "admin");
  const result = await ctx.db.transaction(async (tx) => {
    const row = await findSourceRow(tx, ctx.project.id, ref);
    if (row.revokedAt) return toSourceView(row);
    const [updated] = await tx.update(sources).set({ revokedAt: new Date() }).where(eq(sources.id, row.id)).returning();
    const after = toSourceView(updated);
    await writeAudit(tx, auditScope(ctx), {
      action: "source.revoke",
      entityType: "source",
      entityId: String(row.id),
      before: toSourceView(row),
      after,
    });
    return after;
  });
  forgetKey(result.prefix);
  await publishChange(ctx.handle, { kind: "key", prefix: result.prefix });
  return result;
}

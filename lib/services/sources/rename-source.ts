import { eq } from "drizzle-orm";
import { sources } from "../../../db/schema";
import { parseValue } from "../../http/parse-body";
import { updateSourceSchema, type Source } from "../../schemas/sources";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { auditScope, requireAccess } from "../require-access";
import { findSourceRow } from "./find-source";
import { toSourceView } from "./source-view";

/** Renames an API key. Scopes are fixed at creation: a key with other scopes is a new key. */
export async function renameSource(ctx: ServiceContext, id: number, input: unknown): Promise<Source> {
  requireAccess(ctx, "admin");
  const { name } = parseValue(input, updateSourceSchema);
  return ctx.db.transaction(async (tx) => {
    const row = await findSourceRow(tx, ctx.project.id, { id });
    const [updated] = await tx.update(sources).set({ name }).where(eq(sources.id, row.id)).returning();
    const after = toSourceView(updated);
    await writeAudit(tx, auditScope(ctx), {
      action: "source.update",
      entityType: "source",
      entityId: String(id),
      before: toSourceView(row),
      after,
    });
    return after;
  });
}

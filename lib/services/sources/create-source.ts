import { sources } from "../../../db/schema";
import { isUniqueViolation } from "../../../db/errors";
import { hashSecret, newKeyPrefix, newKeySecret } from "../../auth/api-keys";
import { createSourceSchema, type CreateSourceInput, type Source } from "../../schemas/sources";
import { parseValue } from "../../http/parse-body";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { auditScope, requireAccess } from "../require-access";
import { toSourceView } from "./source-view";

/** Creates an API key for the project. The whole key is returned here and never again. */
export async function createSource(
  ctx: ServiceContext,
  input: CreateSourceInput,
): Promise<{ source: Source; key: string }> {
  requireAccess(ctx, "admin");
  const { name, scopes } = parseValue(input, createSourceSchema);
  const secret = newKeySecret();
  for (let attempt = 0; ; attempt++) {
    const prefix = newKeyPrefix();
    try {
      return await ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(sources)
          .values({
            projectId: ctx.project.id,
            name,
            prefix,
            secretHash: hashSecret(secret),
            scopes,
            createdBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
          })
          .returning();
        const source = toSourceView(row);
        await writeAudit(tx, auditScope(ctx), {
          action: "source.create",
          entityType: "source",
          entityId: String(row.id),
          after: source,
        });
        return { source, key: `${prefix}.${secret}` };
      });
    } catch (error) {
      // A prefix collision is astronomically unlikely; retry with a fresh one rather than fail.
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

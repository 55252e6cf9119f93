import { eq } from "drizzle-orm";
import { templates } from "../../../db/schema";
import { isUniqueViolation } from "../../../db/errors";
import { parseValue } from "../../http/parse-body";
import { updateTemplateSchema, type Template } from "../../schemas/templates";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { payloadProblems, throwIfProblems } from "../experiences/content-checks";
import { auditScope, requireAccess } from "../require-access";
import { TEMPLATE_NAME_INDEX, findTemplateRow, templateNameTaken, toTemplateView } from "./template-view";

/** Renames a template or changes its payload; experiences started from it keep their copy. */
export async function updateTemplate(ctx: ServiceContext, id: string, input: unknown): Promise<Template> {
  requireAccess(ctx, "write");
  const patch = parseValue(input, updateTemplateSchema);
  if (patch.payload !== undefined) throwIfProblems(payloadProblems(patch.payload, "payload", ctx.project.timezone));
  try {
    return await ctx.db.transaction(async (tx) => {
      const row = await findTemplateRow(tx, ctx.project.id, id);
      const [saved] = await tx
        .update(templates)
        .set({
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.description !== undefined ? { description: patch.description } : {}),
          ...(patch.payload !== undefined ? { payload: patch.payload } : {}),
        })
        .where(eq(templates.id, row.id))
        .returning();
      const after = toTemplateView(saved);
      await writeAudit(tx, auditScope(ctx), { action: "template.update", entityType: "template", entityId: row.id, before: toTemplateView(row), after });
      return after;
    });
  } catch (error) {
    if (patch.name !== undefined && isUniqueViolation(error, TEMPLATE_NAME_INDEX)) throw templateNameTaken(patch.name);
    throw error;
  }
}

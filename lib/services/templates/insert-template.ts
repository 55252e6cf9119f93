import { templates } from "../../../db/schema";
import { isUniqueViolation } from "../../../db/errors";
import type { Template } from "../../schemas/templates";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { auditScope } from "../require-access";
import { TEMPLATE_NAME_INDEX, templateNameTaken, toTemplateView } from "./template-view";

/** Inserts and audits a template in one transaction; a taken name is a 409 naming `name`. */
export async function insertTemplate(
  ctx: ServiceContext,
  values: { name: string; description?: string | null; payload: unknown },
  audit: { fromExperienceId?: string } = {},
): Promise<Template> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(templates)
        .values({ projectId: ctx.project.id, name: values.name, description: values.description ?? null, payload: values.payload })
        .returning();
      const template = toTemplateView(row);
      await writeAudit(tx, auditScope(ctx), {
        action: "template.create",
        entityType: "template",
        entityId: row.id,
        after: audit.fromExperienceId ? { ...template, fromExperienceId: audit.fromExperienceId } : template,
      });
      return template;
    });
  } catch (error) {
    if (isUniqueViolation(error, TEMPLATE_NAME_INDEX)) throw templateNameTaken(values.name);
    throw error;
  }
}

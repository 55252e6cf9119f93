import { asc, eq } from "drizzle-orm";
import { templates } from "../../../db/schema";
import type { Template } from "../../schemas/templates";
import type { ServiceContext } from "../context";
import { requireAccess } from "../require-access";
import { toTemplateView } from "./template-view";

/** The project's templates, by name. */
export async function listTemplates(ctx: ServiceContext): Promise<Template[]> {
  requireAccess(ctx, "read");
  const rows = await ctx.db.select().from(templates).where(eq(templates.projectId, ctx.project.id)).orderBy(asc(templates.name), asc(templates.id));
  return rows.map(toTemplateView);
}

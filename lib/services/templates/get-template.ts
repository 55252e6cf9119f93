import type { Template } from "../../schemas/templates";
import type { ServiceContext } from "../context";
import { requireAccess } from "../require-access";
import { findTemplateRow, toTemplateView } from "./template-view";

export async function getTemplate(ctx: ServiceContext, id: string): Promise<Template> {
  requireAccess(ctx, "read");
  return toTemplateView(await findTemplateRow(ctx.db, ctx.project.id, id));
}

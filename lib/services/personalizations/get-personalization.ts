import type { Personalization } from "../../schemas/personalizations";
import type { ServiceContext } from "../context";
import { requireAccess } from "../require-access";
import { loadPersonalizationView } from "./personalization-view";

export async function getPersonalization(ctx: ServiceContext, id: string): Promise<Personalization> {
  requireAccess(ctx, "read");
  return loadPersonalizationView(ctx.db, ctx.project.id, id);
}

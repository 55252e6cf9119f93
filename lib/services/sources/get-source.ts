import type { Source } from "../../schemas/sources";
import type { ServiceContext } from "../context";
import { requireAccess } from "../require-access";
import { findSourceRow } from "./find-source";
import { toSourceView } from "./source-view";

export async function getSource(ctx: ServiceContext, id: number): Promise<Source> {
  requireAccess(ctx, "read");
  return toSourceView(await findSourceRow(ctx.db, ctx.project.id, { id }));
}

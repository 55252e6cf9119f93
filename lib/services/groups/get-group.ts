import type { Group } from "../../schemas/groups";
import type { ServiceContext } from "../context";
import { requireAccess } from "../require-access";
import { findGroupRow } from "./find-group";
import { toGroupView } from "./group-view";

/** One selector group, by id or name. */
export async function getGroup(ctx: ServiceContext, ref: string): Promise<Group> {
  requireAccess(ctx, "read");
  return toGroupView(ctx.db, ctx.project.id, await findGroupRow(ctx.db, ctx.project.id, ref));
}

import type { TestProfile } from "../../schemas/test-profiles";
import type { ServiceContext } from "../context";
import { requireAccess } from "../require-access";
import { findTestProfileRow } from "./find-test-profile";
import { toTestProfileView } from "./test-profile-view";

export async function getTestProfile(ctx: ServiceContext, id: string): Promise<TestProfile> {
  requireAccess(ctx, "read");
  return toTestProfileView(await findTestProfileRow(ctx.db, ctx.project.id, id));
}

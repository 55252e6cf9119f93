import { eq } from "drizzle-orm";
import { testProfiles } from "../../../db/schema";
import type { TestProfile } from "../../schemas/test-profiles";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { auditScope, requireAccess } from "../require-access";
import { findTestProfileRow } from "./find-test-profile";
import { toTestProfileView } from "./test-profile-view";

/** Deletes a test profile; returns it as it was. */
export async function deleteTestProfile(ctx: ServiceContext, id: string): Promise<TestProfile> {
  requireAccess(ctx, "write");
  return ctx.db.transaction(async (tx) => {
    const row = await findTestProfileRow(tx, ctx.project.id, id, true);
    const before = toTestProfileView(row);
    await tx.delete(testProfiles).where(eq(testProfiles.id, row.id));
    await writeAudit(tx, auditScope(ctx), { action: "test_profile.delete", entityType: "test_profile", entityId: row.id, before });
    return before;
  });
}

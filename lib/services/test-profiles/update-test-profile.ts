import { eq } from "drizzle-orm";
import { testProfiles } from "../../../db/schema";
import { parseValue } from "../../http/parse-body";
import { updateTestProfileSchema, type TestProfile } from "../../schemas/test-profiles";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { auditScope, requireAccess } from "../require-access";
import { checkTestProfileSegments } from "./check-segments";
import { findTestProfileRow } from "./find-test-profile";
import { testProfileNameTaken } from "./test-profile-conflict";
import { toTestProfileView } from "./test-profile-view";

/** Changes the fields given; `null` clears an optional one. Objects and lists are replaced, not merged. */
export async function updateTestProfile(ctx: ServiceContext, id: string, input: unknown): Promise<TestProfile> {
  requireAccess(ctx, "write");
  const patch = parseValue(input, updateTestProfileSchema);
  const projectId = ctx.project.id;
  try {
    return await ctx.db.transaction(async (tx) => {
      const row = await findTestProfileRow(tx, projectId, id, true);
      const before = toTestProfileView(row);
      const set: Partial<typeof testProfiles.$inferInsert> = {};
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.description !== undefined) set.description = patch.description;
      if (patch.userId !== undefined) set.userId = patch.userId;
      if (patch.attributes !== undefined) set.attributes = patch.attributes;
      if (patch.accountAttributes !== undefined) set.accountAttributes = patch.accountAttributes;
      if (patch.requestAttributes !== undefined) set.requestAttributes = patch.requestAttributes;
      if (patch.events !== undefined) set.events = patch.events;
      if (patch.segments !== undefined) set.segments = await checkTestProfileSegments(tx, projectId, patch.segments);
      if (patch.device !== undefined) set.device = patch.device;
      if (patch.userAgent !== undefined) set.userAgent = patch.userAgent;
      if (patch.url !== undefined) set.url = patch.url;
      if (patch.referrer !== undefined) set.referrer = patch.referrer;
      if (patch.sessionId !== undefined) set.sessionId = patch.sessionId;
      if (patch.instant !== undefined) set.instant = patch.instant === null ? null : new Date(patch.instant);
      if (Object.keys(set).length === 0) return before;
      const [updated] = await tx
        .update(testProfiles)
        .set({ ...set, updatedAt: new Date() })
        .where(eq(testProfiles.id, row.id))
        .returning();
      const after = toTestProfileView(updated);
      await writeAudit(tx, auditScope(ctx), { action: "test_profile.update", entityType: "test_profile", entityId: row.id, before, after });
      return after;
    });
  } catch (error) {
    throw testProfileNameTaken(error, patch.name);
  }
}

import { testProfiles } from "../../../db/schema";
import { parseValue } from "../../http/parse-body";
import { createTestProfileSchema, type TestProfile } from "../../schemas/test-profiles";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { auditScope, requireAccess } from "../require-access";
import { checkTestProfileSegments } from "./check-segments";
import { testProfileNameTaken } from "./test-profile-conflict";
import { toTestProfileView } from "./test-profile-view";

/** Saves a fictional visitor for the preview. Test profiles never affect real decisions. */
export async function createTestProfile(ctx: ServiceContext, input: unknown): Promise<TestProfile> {
  requireAccess(ctx, "write");
  const value = parseValue(input, createTestProfileSchema);
  const projectId = ctx.project.id;
  try {
    return await ctx.db.transaction(async (tx) => {
      const segments = await checkTestProfileSegments(tx, projectId, value.segments);
      const [row] = await tx
        .insert(testProfiles)
        .values({
          projectId,
          name: value.name,
          description: value.description ?? null,
          userId: value.userId ?? null,
          attributes: value.attributes,
          accountAttributes: value.accountAttributes,
          requestAttributes: value.requestAttributes,
          events: value.events,
          segments,
          device: value.device ?? null,
          userAgent: value.userAgent ?? null,
          url: value.url ?? null,
          referrer: value.referrer ?? null,
          sessionId: value.sessionId ?? null,
          instant: value.instant ? new Date(value.instant) : null,
        })
        .returning();
      const view = toTestProfileView(row);
      await writeAudit(tx, auditScope(ctx), { action: "test_profile.create", entityType: "test_profile", entityId: row.id, after: view });
      return view;
    });
  } catch (error) {
    throw testProfileNameTaken(error, value.name);
  }
}

import type { testProfiles } from "../../../db/schema";
import type { TestProfile } from "../../schemas/test-profiles";

export type TestProfileRow = typeof testProfiles.$inferSelect;

export function toTestProfileView(row: TestProfileRow): TestProfile {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    userId: row.userId,
    attributes: row.attributes,
    accountAttributes: row.accountAttributes,
    requestAttributes: row.requestAttributes,
    events: row.events,
    segments: row.segments,
    device: row.device === "mobile" || row.device === "desktop" ? row.device : null,
    userAgent: row.userAgent,
    url: row.url,
    referrer: row.referrer,
    sessionId: row.sessionId,
    instant: row.instant?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

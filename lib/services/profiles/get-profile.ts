import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { events, experiences, exposures, personalizations, profileIds, profiles } from "../../../db/schema";
import { AppError } from "../../errors";
import { parseValue } from "../../http/parse-body";
import { profileQuerySchema, type ProfileView } from "../../schemas/profiles";
import type { ServiceContext } from "../context";
import { requireAccess } from "../require-access";
import { resolveProfile } from "./resolve-profile";

const RECENT = 50;

/**
 * One visitor, looked up by `userId` or by an anonymous `profileId`, as it is now: a profile that
 * was merged into another resolves to the survivor, and what was recorded under the merged
 * profiles is shown with it. With its 50 most recent events and exposures.
 */
export async function getProfile(ctx: ServiceContext, input: unknown): Promise<ProfileView> {
  requireAccess(ctx, "read");
  const query = parseValue(input, profileQuerySchema, "query string");
  const projectId = ctx.project.id;
  const resolved = await resolveProfile(ctx.handle, projectId, query);
  if (!resolved) {
    throw new AppError(
      "not_found",
      query.userId !== undefined ? `No profile with userId "${query.userId}".` : `No profile with profileId "${query.profileId}".`,
    );
  }
  const { profile, mergedIds } = resolved;
  const ids = [profile.id, ...mergedIds];

  const [anonymousIds, recentEvents, recentExposures, merged] = await Promise.all([
    ctx.db
      .select({ value: profileIds.value })
      .from(profileIds)
      .where(and(eq(profileIds.projectId, projectId), inArray(profileIds.profileId, ids)))
      .orderBy(asc(profileIds.createdAt), asc(profileIds.value)),
    ctx.db
      .select()
      .from(events)
      .where(and(eq(events.projectId, projectId), inArray(events.profileId, ids)))
      .orderBy(desc(events.occurredAt), desc(events.id))
      .limit(RECENT),
    ctx.db
      .select({
        personalizationId: exposures.personalizationId,
        selector: personalizations.selector,
        personalizationName: personalizations.name,
        experienceId: exposures.experienceId,
        experienceName: experiences.name,
        arm: exposures.arm,
        visitId: exposures.visitId,
        at: exposures.createdAt,
      })
      .from(exposures)
      .leftJoin(personalizations, eq(personalizations.id, exposures.personalizationId))
      .leftJoin(experiences, eq(experiences.id, exposures.experienceId))
      .where(and(eq(exposures.projectId, projectId), inArray(exposures.profileId, ids)))
      .orderBy(desc(exposures.createdAt), desc(exposures.id))
      .limit(RECENT),
    mergedIds.length === 0
      ? Promise.resolve([])
      : ctx.db
          .select({ createdAt: profiles.createdAt, updatedAt: profiles.updatedAt, lastActivityAt: profiles.lastActivityAt })
          .from(profiles)
          .where(and(eq(profiles.projectId, projectId), inArray(profiles.id, mergedIds))),
  ]);

  const times = (rows: { createdAt: Date; updatedAt: Date; lastActivityAt: Date | null }[]) =>
    rows.flatMap((r) => [r.createdAt, r.updatedAt, ...(r.lastActivityAt ? [r.lastActivityAt] : [])]);
  const seen = [
    ...times([profile, ...merged]),
    ...recentEvents.slice(0, 1).map((e) => e.receivedAt),
    ...recentExposures.slice(0, 1).map((e) => e.at),
  ].map((d) => d.getTime());
  const firstSeen = Math.min(profile.createdAt.getTime(), ...merged.map((m) => m.createdAt.getTime()));

  return {
    profile: {
      id: profile.id,
      userId: profile.userId,
      profileIds: [...new Set(anonymousIds.map((r) => r.value))],
      accountId: profile.accountId,
      sourceId: profile.sourceId,
      attributes: profile.attributes,
      accountAttributes: profile.accountAttributes,
      mergedProfiles: mergedIds,
      firstSeenAt: new Date(firstSeen).toISOString(),
      lastSeenAt: new Date(Math.max(...seen)).toISOString(),
    },
    events: recentEvents.map((e) => ({
      eventId: e.eventId,
      name: e.name,
      properties: e.properties,
      sessionId: e.sessionId,
      occurredAt: e.occurredAt.toISOString(),
      receivedAt: e.receivedAt.toISOString(),
    })),
    exposures: recentExposures.map((x) => ({ ...x, at: x.at.toISOString() })),
  };
}

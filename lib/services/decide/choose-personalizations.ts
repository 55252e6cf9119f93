import { configCacheFor } from "../../cache/config-cache";
import { choose, chooseOne, type ChooseRequest, type DecisionContext } from "../../engine";
import { AppError } from "../../errors";
import { newId } from "../../ids";
import { logger } from "../../logger";
import type { ChooseRequestInput, ChooseResponse } from "../../schemas/choose";
import type { ServiceContext } from "../context";
import { createFirstProfile } from "../profiles-identity/create-profile";
import { settledProfile } from "../profiles-identity/lookup";
import { derivedProfileId, type Identity } from "../profiles-identity/profile-key";
import { withRetriedTransaction } from "../profiles-identity/raw-sql";
import { resolveIdentity } from "../profiles-identity/resolve";
import { readPlanFor } from "./read-plan";
import { blankProfile, readState, type ProfileState, type ReadResult } from "./read-state";
import { recordDecision } from "./record-decision";

const NONE: readonly string[] = [];

/**
 * choose-api (SPEC §6.1): which experience each requested personalization shows this visitor.
 *
 * Round trips, for a returning visitor: one read (identity, attributes, events, segments, arms,
 * claims: read-state.ts), then either nothing synchronous (only `always` displays: activity and
 * exposures are written behind) or one write (a `once`/`once_per_visit` claim with everything
 * else of the request: record-sql.ts), plus one more per claim lost to a concurrent request. A
 * first-seen visitor adds one short transaction (create, link or merge the profile), and a read
 * again when it merged or linked. With `recordExposure: false` nothing at all is written — no
 * profile, no activity, no exposure, no claim: an unseen visitor is decided as a blank profile
 * with the id it will get when it is created (the same arm).
 */
export async function choosePersonalizations(ctx: ServiceContext, input: ChooseRequestInput): Promise<ChooseResponse> {
  const explain = input.explain === true;
  if (explain && !(ctx.actor.type === "key" ? ctx.actor.scopes.includes("manage") : ctx.actor.type === "system")) {
    throw new AppError("forbidden", 'explain: true returns decision traces, which need a key with the "manage" scope.');
  }
  const now = Date.now();
  const projectId = ctx.project.id;
  const config = await configCacheFor(ctx.handle).get(projectId);
  const names = input.names ?? NONE;
  const groups = input.groups ?? NONE;
  const request: ChooseRequest = { names, groups, optimizationType: input.optimizationType ?? undefined, explain };
  const plan = readPlanFor(config, names, groups);

  const { identification } = input;
  const identity: Identity = { profileId: identification.profileId ?? null, userId: identification.userId ?? null };
  const sessionId = input.sessionId ?? null;
  const accountId = identification.accountId ?? null;
  const record = input.recordExposure !== false;

  let read = await readState(ctx.handle, projectId, identity, sessionId, plan, now);
  let profile: ProfileState | null = read.profile;
  if (record) {
    if (!isSettled(identity, read)) {
      const sourceId = identification.sourceId != null && ctx.actor.type === "key" && identification.sourceId === ctx.actor.sourceId ? identification.sourceId : null;
      let created: string | null = null;
      if (read.lookup.pidTarget === null && read.lookup.uidTarget === null) {
        // A first visit: one statement, no transaction. Lost to a concurrent first call: read again.
        created = await createFirstProfile(ctx.handle, projectId, identity, { accountId, sourceId });
        if (created === null) read = await readState(ctx.handle, projectId, identity, sessionId, plan, now);
      }
      if (created !== null) {
        profile = blankProfile(created, true, sessionId, read.staticSegments, identity.userId);
      } else if (isSettled(identity, read)) {
        profile = read.profile;
      } else {
        // A link, a sign-in or a merge: a short transaction, then the read again.
        const lookup = read.lookup;
        const resolved = await withRetriedTransaction(ctx.handle, (q) => resolveIdentity(q, projectId, identity, { accountId, sourceId }, lookup));
        if (resolved.created) {
          profile = blankProfile(resolved.id, true, sessionId, read.staticSegments, identity.userId);
        } else {
          read = await readState(ctx.handle, projectId, identity, sessionId, plan, now);
          profile = read.profile;
        }
      }
    }
  } else if (profile === null) {
    profile = blankProfile(derivedProfileId(projectId, identity), false, sessionId, read.staticSegments, identity.userId);
  }
  if (profile === null) throw new Error("choose-api: the profile could not be resolved");
  // The visit this call belongs to; a new one gets its id now (the write settles it atomically).
  const visitId = profile.visitId ?? (record ? newId("vis") : null);

  const context: DecisionContext = {
    profile: {
      id: profile.id,
      profileId: identity.profileId,
      userId: profile.userId ?? identity.userId,
      accountId: accountId ?? profile.accountId,
      attributes: profile.attributes,
      accountAttributes: profile.accountAttributes,
    },
    request: {
      url: input.url ?? null,
      referrer: input.referrer ?? null,
      device: input.device ?? null,
      userAgent: input.userAgent ?? null,
      sessionId,
      visitId,
      attributes: input.attributes ?? null,
    },
    events: profile.events,
    staticSegments: profile.staticSegments,
    assignments: profile.assignments,
    exposedEver: profile.exposedEver,
    exposedThisVisit: profile.exposedThisVisit,
  };
  const result = choose(config.compiled, context, request, now);

  if (record) {
    await recordDecision({
      handle: ctx.handle,
      projectId,
      profile,
      visitId: visitId ?? newId("vis"),
      now,
      sessionId,
      accountId,
      result,
      redecide: (index, lost) => {
        const choice = result.choices[index];
        const again = chooseOne(config.compiled, context, { name: choice.name, group: choice.group }, now, {
          explain,
          optimizationType: request.optimizationType,
        });
        result.choices[index] = again.choice;
        result.records[index] = again.record;
        if (result.traces && again.trace) result.traces[index] = again.trace;
        if (again.renderError) result.renderErrors.push(again.renderError);
        logger.debug({ requestId: ctx.requestId, experienceId: lost.experienceId }, "claim lost to a concurrent request; decided again");
      },
    });
  }

  for (const e of result.renderErrors) {
    logger.warn({ requestId: ctx.requestId, projectId, selector: e.name, experienceId: e.experienceId, path: e.path, error: e.message }, "payload failed to render");
  }

  const response: ChooseResponse = { profileId: identity.profileId ?? identity.userId ?? "", choices: result.choices };
  if (result.traces) response.traces = result.traces as unknown as Record<string, unknown>[];
  return response;
}

/** The read found the profile the identity designates, and nothing needs writing to settle it. */
function isSettled(identity: Identity, read: ReadResult): boolean {
  const settled = settledProfile(identity, read.lookup);
  return settled !== null && settled === read.profile?.id;
}

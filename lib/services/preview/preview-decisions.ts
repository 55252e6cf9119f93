import { configCacheFor } from "../../cache/config-cache";
import { choose, type Arm, type DecisionContext, type EngineEvent } from "../../engine";
import type { PreviewRequestInput, PreviewResponse } from "../../schemas/preview";
import type { ServiceContext } from "../context";
import { requireAccess } from "../require-access";
import { findTestProfileRow } from "../test-profiles/find-test-profile";

const MINUTE = 60_000;

interface Visitor {
  readonly id: string | null;
  readonly name: string | null;
  readonly userId: string | null;
  readonly attributes: Record<string, unknown>;
  readonly accountAttributes: Record<string, unknown>;
  readonly requestAttributes: Record<string, unknown>;
  readonly events: readonly { name: string; properties?: Record<string, unknown>; ago: { days?: number; hours?: number; minutes?: number } }[];
  readonly segments: readonly string[];
  readonly device: string | null;
  readonly userAgent: string | null;
  readonly url: string | null;
  readonly referrer: string | null;
  readonly sessionId: string | null;
  readonly instant: number | null;
}

/**
 * The console preview: decides for a test profile — saved, or typed inline in the same shape — with
 * the very engine and configuration choose-api uses, at a chosen instant, drafts and paused
 * personalizations included on request. Returns the choices with rendered payloads and the full
 * traces. It reads the configuration and the test profile and writes nothing: no profile, no
 * exposure, no claim, no arm. The test profile is its own bucketing unit (its id), so its control
 * arm is stable from one preview to the next; it has no earlier exposures, so `once` displays show.
 */
export async function previewDecisions(ctx: ServiceContext, input: PreviewRequestInput): Promise<PreviewResponse> {
  requireAccess(ctx, "read");
  const visitor = input.testProfileId !== undefined ? await savedVisitor(ctx, input.testProfileId) : inlineVisitor(input);
  const at = input.at !== undefined ? Date.parse(input.at) : (visitor.instant ?? Date.now());
  const config = await configCacheFor(ctx.handle).get(ctx.project.id);

  const names = input.all === true ? config.compiled.personalizations.filter((p) => p.status !== "archived").map((p) => p.selector) : (input.names ?? []);
  const events: EngineEvent[] = visitor.events.map((e) => ({
    name: e.name,
    properties: e.properties ?? {},
    occurredAt: at - ((e.ago.days ?? 0) * 1440 + (e.ago.hours ?? 0) * 60 + (e.ago.minutes ?? 0)) * MINUTE,
  }));
  const context: DecisionContext = {
    profile: {
      id: visitor.id ?? "preview",
      profileId: null,
      userId: visitor.userId,
      attributes: visitor.attributes,
      accountAttributes: visitor.accountAttributes,
    },
    request: {
      url: visitor.url,
      referrer: visitor.referrer,
      device: visitor.device,
      userAgent: visitor.userAgent,
      sessionId: visitor.sessionId,
      visitId: visitor.sessionId,
      attributes: visitor.requestAttributes,
    },
    events,
    staticSegments: new Set(visitor.segments),
    assignments: new Map<string, Arm>(),
    exposedEver: new Set(),
    exposedThisVisit: new Set(),
  };
  const result = choose(config.compiled, context, { names, groups: input.all === true ? [] : (input.groups ?? []), includeNotRunning: input.includeNotRunning, explain: true }, at);
  return {
    at: new Date(at).toISOString(),
    testProfile: { id: visitor.id, name: visitor.name },
    choices: result.choices,
    traces: (result.traces ?? []) as unknown as Record<string, unknown>[],
    renderErrors: result.renderErrors.map((e) => ({ name: e.name, experienceId: e.experienceId, path: e.path, message: e.message })),
  };
}

async function savedVisitor(ctx: ServiceContext, id: string): Promise<Visitor> {
  const row = await findTestProfileRow(ctx.db, ctx.project.id, id);
  return {
    id: row.id,
    name: row.name,
    userId: row.userId,
    attributes: row.attributes,
    accountAttributes: row.accountAttributes,
    requestAttributes: row.requestAttributes,
    events: row.events,
    segments: row.segments,
    device: row.device,
    userAgent: row.userAgent,
    url: row.url,
    referrer: row.referrer,
    sessionId: row.sessionId,
    instant: row.instant?.getTime() ?? null,
  };
}

function inlineVisitor(input: PreviewRequestInput): Visitor {
  const p = input.profile;
  if (!p) throw new Error("preview: no profile");
  return {
    id: null,
    name: null,
    userId: p.userId ?? null,
    attributes: p.attributes,
    accountAttributes: p.accountAttributes,
    requestAttributes: p.requestAttributes,
    events: p.events,
    segments: p.segments,
    device: p.device ?? null,
    userAgent: p.userAgent ?? null,
    url: p.url ?? null,
    referrer: p.referrer ?? null,
    sessionId: p.sessionId ?? null,
    instant: p.instant ? Date.parse(p.instant) : null,
  };
}

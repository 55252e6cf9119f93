import type { Arm } from "../rules/bucket";
import type { DecisionContext, RawConfig, RawExperience, RawPersonalization } from "./types";

/** Builders for decision tests: a small project and a visitor, overridable field by field. */

export function experience(overrides: Partial<RawExperience> & { id: string }): RawExperience {
  return { name: overrides.id, priority: 1, payload: { id: overrides.id }, audience: { $everyone: true }, frequency: "always", devices: "all", schedule: null, ...overrides };
}

export function personalization(overrides: Partial<RawPersonalization> & { id: string }): RawPersonalization {
  return {
    selector: overrides.id,
    name: overrides.id,
    status: "running",
    controlPercent: 0,
    type: "server_side",
    groups: [],
    experiences: [experience({ id: `${overrides.id}-e1` })],
    ...overrides,
  };
}

export function config(personalizations: RawPersonalization[], extra: Partial<RawConfig> = {}): RawConfig {
  return { projectId: "proj", timezone: "UTC", personalizations, segments: [], ...extra };
}

export function visitor(overrides: Partial<Omit<DecisionContext, "profile" | "request">> & { profile?: Partial<DecisionContext["profile"]>; request?: DecisionContext["request"] } = {}): DecisionContext {
  return {
    events: [],
    staticSegments: new Set(),
    assignments: new Map<string, Arm>(),
    exposedEver: new Set(),
    exposedThisVisit: new Set(),
    ...overrides,
    profile: { id: "profile-1", profileId: "anon-1", userId: null, attributes: {}, accountAttributes: {}, ...overrides.profile },
    request: overrides.request ?? {},
  };
}

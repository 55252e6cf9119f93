import { audienceStatus } from "../condition/audience";
import { compileCondition } from "../condition/compile";
import type { CompiledCondition, SegmentDefinition } from "../condition/types";
import { compilePayload, type CompiledPayload } from "../render/payload";
import { normalizeDeviceTarget, type DeviceTarget } from "../rules/device";
import { normalizeFrequency, type Frequency } from "../rules/frequency";
import { compileSchedule, type CompiledSchedule } from "../rules/schedule";
import { isValidTimeZone } from "../rules/time-zone";
import type { OptimizationType, PersonalizationStatus, RawConfig, RawExperience, RawPersonalization } from "./types";

/**
 * A project's configuration compiled for decisions: conditions into closures, templates parsed,
 * schedules read, lookup maps built. Build it once per project (and again when the config
 * changes) and reuse it for every decision; it is immutable and holds no per-visitor state.
 */
export interface CompiledExperience {
  readonly id: string;
  readonly name: string;
  readonly priority: number;
  /** Null while the audience has no condition (`needs_setup`): such an experience never matches. */
  readonly audience: CompiledCondition | null;
  /** Null when the stored value is not one we know: the experience never matches. */
  readonly devices: DeviceTarget | null;
  readonly frequency: Frequency | null;
  readonly schedule: CompiledSchedule | null;
  readonly payload: CompiledPayload;
}

export interface CompiledPersonalization {
  readonly id: string;
  readonly selector: string;
  readonly name: string;
  readonly status: PersonalizationStatus;
  readonly controlPercent: number;
  readonly optimizationType: OptimizationType;
  readonly groups: readonly string[];
  /** By priority, 1 first. */
  readonly experiences: readonly CompiledExperience[];
}

export interface CompiledConfig {
  readonly projectId: string;
  readonly timezone: string;
  readonly personalizations: readonly CompiledPersonalization[];
  readonly bySelector: ReadonlyMap<string, CompiledPersonalization>;
  /** Group name → members in the input (creation) order. */
  readonly groups: ReadonlyMap<string, readonly CompiledPersonalization[]>;
  readonly segments: ReadonlyMap<string, SegmentDefinition>;
}

export function compileConfig(raw: RawConfig): CompiledConfig {
  const timezone = isValidTimeZone(raw.timezone) ? raw.timezone : "UTC";
  const personalizations = raw.personalizations.map((p) => compilePersonalization(p, timezone));
  const bySelector = new Map<string, CompiledPersonalization>();
  const groups = new Map<string, CompiledPersonalization[]>();
  for (const p of personalizations) {
    // Selectors are unique per project; should two collide anyway, the first keeps it.
    if (!bySelector.has(p.selector)) bySelector.set(p.selector, p);
    for (const group of new Set(p.groups)) {
      const members = groups.get(group);
      if (members) members.push(p);
      else groups.set(group, [p]);
    }
  }
  const segments = new Map<string, SegmentDefinition>();
  for (const s of raw.segments) {
    segments.set(s.key, s.type === "rule" ? { type: "rule", condition: compileCondition(s.condition ?? null) } : { type: "static" });
  }
  return { projectId: raw.projectId, timezone, personalizations, bySelector, groups, segments };
}

function compilePersonalization(p: RawPersonalization, timezone: string): CompiledPersonalization {
  const experiences = p.experiences
    .map((e, index) => ({ e, index }))
    .sort((a, b) => a.e.priority - b.e.priority || a.index - b.index)
    .map(({ e }) => compileExperience(e, timezone));
  const percent = Number(p.controlPercent);
  return {
    id: p.id,
    selector: p.selector,
    name: p.name,
    status: p.status,
    controlPercent: Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : 0,
    optimizationType: p.optimizationType ?? "personalization",
    groups: p.groups,
    experiences,
  };
}

function compileExperience(e: RawExperience, timezone: string): CompiledExperience {
  return {
    id: e.id,
    name: e.name,
    priority: e.priority,
    audience: audienceStatus(e.audience) === "ready" ? compileCondition(e.audience) : null,
    devices: normalizeDeviceTarget(e.devices),
    frequency: normalizeFrequency(e.frequency),
    schedule: compileSchedule(e.schedule, timezone),
    payload: compilePayload(e.payload, timezone),
  };
}

import type { ProjectConfig } from "../../cache/config-cache";
import type { CompiledPersonalization } from "../../engine";
import { parseEventSpec } from "../../engine/condition/event-spec";

/**
 * What a decision must read for a set of personalizations, so the read loads exactly that (issue
 * #4): the events their `$event` conditions count (by name, within the widest window that name is
 * asked for, with properties only where a `where` looks at them), the static segments they test,
 * their sticky arms, and the earlier claims of their `once` and `once_per_visit` experiences.
 * Segments referenced from conditions are followed, so a rule segment's own `$event` and
 * `$segment` references count too.
 */
export interface ReadPlan {
  readonly eventNames: readonly string[];
  /** Parallel to `eventNames`: the look-back in ms, or null for all time. */
  readonly eventWindows: readonly (number | null)[];
  /** Event names whose properties a `where` reads. */
  readonly propertyNames: readonly string[];
  readonly staticSegments: readonly string[];
  readonly personalizationIds: readonly string[];
  readonly onceExperiences: readonly string[];
  readonly visitExperiences: readonly string[];
}

export const EMPTY_PLAN: ReadPlan = Object.freeze({
  eventNames: [],
  eventWindows: [],
  propertyNames: [],
  staticSegments: [],
  personalizationIds: [],
  onceExperiences: [],
  visitExperiences: [],
});

interface Collector {
  readonly windows: Map<string, number | null>;
  readonly properties: Set<string>;
  readonly staticSegments: Set<string>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function collect(node: unknown, acc: Collector, segments: ReadonlyMap<string, { type: string; condition?: unknown }>, visiting: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, acc, segments, visiting);
    return;
  }
  if (!isPlainObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === "$event") {
      const { spec } = parseEventSpec(value);
      if (spec) {
        const known = acc.windows.get(spec.name);
        const widest = known === null || spec.withinMs === null ? null : Math.max(known ?? 0, spec.withinMs);
        acc.windows.set(spec.name, widest);
        if (spec.where !== null) acc.properties.add(spec.name);
      }
      collect(value, acc, segments, visiting);
    } else if (key === "$segment" && typeof value === "string") {
      const segment = segments.get(value);
      if (segment?.type === "static") acc.staticSegments.add(value);
      else if (segment?.type === "rule" && !visiting.has(value)) {
        visiting.add(value);
        collect(segment.condition, acc, segments, visiting);
      }
    } else {
      collect(value, acc, segments, visiting);
    }
  }
}

function planPersonalization(config: ProjectConfig, p: CompiledPersonalization): ReadPlan {
  const raw = config.raw.personalizations.find((r) => r.id === p.id);
  const segments = new Map(config.raw.segments.map((s) => [s.key, s]));
  const acc: Collector = { windows: new Map(), properties: new Set(), staticSegments: new Set() };
  for (const e of raw?.experiences ?? []) collect(e.audience, acc, segments, new Set());
  return {
    eventNames: [...acc.windows.keys()],
    eventWindows: [...acc.windows.values()],
    propertyNames: [...acc.properties],
    staticSegments: [...acc.staticSegments],
    personalizationIds: [p.id],
    onceExperiences: p.experiences.filter((e) => e.frequency === "once").map((e) => e.id),
    visitExperiences: p.experiences.filter((e) => e.frequency === "once_per_visit").map((e) => e.id),
  };
}

function union(plans: readonly ReadPlan[]): ReadPlan {
  if (plans.length === 0) return EMPTY_PLAN;
  if (plans.length === 1) return plans[0];
  const windows = new Map<string, number | null>();
  const properties = new Set<string>();
  const staticSegments = new Set<string>();
  const personalizationIds: string[] = [];
  const onceExperiences: string[] = [];
  const visitExperiences: string[] = [];
  for (const plan of plans) {
    plan.eventNames.forEach((name, i) => {
      const known = windows.get(name);
      const window = plan.eventWindows[i];
      windows.set(name, known === null || window === null ? null : Math.max(known ?? 0, window));
    });
    for (const name of plan.propertyNames) properties.add(name);
    for (const key of plan.staticSegments) staticSegments.add(key);
    personalizationIds.push(...plan.personalizationIds);
    onceExperiences.push(...plan.onceExperiences);
    visitExperiences.push(...plan.visitExperiences);
  }
  return {
    eventNames: [...windows.keys()],
    eventWindows: [...windows.values()],
    propertyNames: [...properties],
    staticSegments: [...staticSegments],
    personalizationIds,
    onceExperiences,
    visitExperiences,
  };
}

interface PlanCache {
  readonly byPersonalization: Map<string, ReadPlan>;
  readonly byRequest: Map<string, ReadPlan>;
}

const caches = new WeakMap<ProjectConfig, PlanCache>();
const MAX_REQUEST_SHAPES = 1000;

/**
 * The read plan of a request: the union over every personalization it may evaluate (its names
 * and its groups' members that are running). Memoized per configuration and request shape, so the
 * hot path computes it once per selector set.
 */
export function readPlanFor(config: ProjectConfig, names: readonly string[], groups: readonly string[]): ReadPlan {
  let cache = caches.get(config);
  if (!cache) {
    cache = { byPersonalization: new Map(), byRequest: new Map() };
    caches.set(config, cache);
  }
  const key = groups.length === 0 ? names.join(",") : `${names.join(",")}|${groups.join(",")}`;
  const hit = cache.byRequest.get(key);
  if (hit) return hit;

  const wanted = new Map<string, CompiledPersonalization>();
  for (const name of names) {
    const p = config.compiled.bySelector.get(name);
    if (p && p.status === "running") wanted.set(p.id, p);
  }
  for (const group of groups) {
    for (const p of config.compiled.groups.get(group) ?? []) if (p.status === "running") wanted.set(p.id, p);
  }
  const plans: ReadPlan[] = [];
  for (const p of wanted.values()) {
    let plan = cache.byPersonalization.get(p.id);
    if (!plan) {
      plan = planPersonalization(config, p);
      cache.byPersonalization.set(p.id, plan);
    }
    plans.push(plan);
  }
  const plan = union(plans);
  if (cache.byRequest.size >= MAX_REQUEST_SHAPES) cache.byRequest.clear();
  cache.byRequest.set(key, plan);
  return plan;
}

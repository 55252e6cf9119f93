import type { ConditionTrace, EngineEvent } from "../condition/types";
import type { Arm } from "../rules/bucket";
import type { DeviceTarget, ResolvedDevice } from "../rules/device";
import type { Frequency } from "../rules/frequency";

/** The shapes `choose` takes and returns (SPEC §2 and §6.1). */

export type PersonalizationStatus = "draft" | "running" | "paused" | "archived";
export type OptimizationType = "personalization" | "experiment";
export type Reason = "served" | "control" | "no_match" | "not_running" | "not_found" | "render_error";

/** An experience as stored; `compileConfig` checks and compiles it. */
export interface RawExperience {
  readonly id: string;
  readonly name: string;
  /** 1 = highest. Ties keep the input order. */
  readonly priority: number;
  readonly payload: unknown;
  readonly audience: unknown;
  readonly frequency?: Frequency | string;
  readonly devices?: DeviceTarget | string;
  readonly schedule?: unknown;
}

export interface RawPersonalization {
  readonly id: string;
  readonly selector: string;
  readonly name: string;
  readonly status: PersonalizationStatus;
  /** 0–99: the share of traffic kept on the original page. */
  readonly controlPercent: number;
  readonly type: "server_side";
  /** What `optimizationType` in a request filters on; `personalization` when absent. */
  readonly optimizationType?: OptimizationType;
  readonly groups: readonly string[];
  readonly experiences: readonly RawExperience[];
}

export interface RawSegment {
  readonly key: string;
  readonly type: "rule" | "static";
  readonly condition?: unknown;
}

/** A project's decision configuration, as loaded from the database. */
export interface RawConfig {
  readonly projectId: string;
  /** IANA zone; schedules and the `date` filter read the wall clock here. */
  readonly timezone: string;
  /** In creation order: group members are listed in this order. */
  readonly personalizations: readonly RawPersonalization[];
  readonly segments: readonly RawSegment[];
}

export interface DecisionProfile {
  /** Internal profile id: the bucketing unit, stable across sign-in merges. */
  readonly id: string;
  readonly profileId?: string | null;
  readonly userId?: string | null;
  readonly accountId?: string | null;
  /** `user.*` attributes. */
  readonly attributes?: Readonly<Record<string, unknown>>;
  /** `account.*` attributes. */
  readonly accountAttributes?: Readonly<Record<string, unknown>>;
}

export interface DecisionRequestInfo {
  readonly url?: string | null;
  readonly referrer?: string | null;
  readonly device?: string | null;
  readonly userAgent?: string | null;
  readonly sessionId?: string | null;
  readonly visitId?: string | null;
  /** Merged into the evaluation document for this call only. */
  readonly attributes?: Readonly<Record<string, unknown>> | null;
}

/** Everything known about the visitor for one decision; gathered by the caller. */
export interface DecisionContext {
  readonly profile: DecisionProfile;
  readonly request: DecisionRequestInfo;
  readonly events: readonly EngineEvent[];
  /** Keys of the static segments the profile is a member of. */
  readonly staticSegments: ReadonlySet<string>;
  /** Arms already assigned to this profile: personalization id → arm. */
  readonly assignments: ReadonlyMap<string, Arm>;
  /** Experience ids the profile was ever exposed to (either arm). */
  readonly exposedEver: ReadonlySet<string>;
  /** Experience ids the profile was exposed to in the current visit. */
  readonly exposedThisVisit: ReadonlySet<string>;
}

export interface ChooseRequest {
  readonly names: readonly string[];
  readonly groups: readonly string[];
  readonly optimizationType?: OptimizationType;
  /** Preview: evaluate drafts and paused personalizations as if they were running. */
  readonly includeNotRunning?: boolean;
  readonly explain?: boolean;
}

/** One entry of the response's `choices` (SPEC §6.1). */
export interface Choice {
  readonly name: string;
  readonly group: string | null;
  readonly body: unknown;
  readonly reason: Reason;
  readonly personalizationId: string | null;
  readonly experienceId: string | null;
  readonly experienceName: string | null;
  readonly variant: Arm | null;
}

/**
 * What the caller must persist for a choice that exposed the visitor (reasons `served` and
 * `control`): the exposure, the arm when it is new, and — for `once`/`once_per_visit` — a claim.
 */
export interface ExposureRecord {
  readonly personalizationId: string;
  readonly experienceId: string;
  readonly arm: Arm;
  readonly frequency: Frequency;
  /** The arm was just drawn from the hash (not an existing assignment): store it. */
  readonly newAssignment: boolean;
}

export interface RenderError {
  readonly name: string;
  readonly personalizationId: string;
  readonly experienceId: string;
  /** JSON path of the failing string in the payload. */
  readonly path: string;
  readonly message: string;
}

export interface ExperienceTrace {
  readonly experienceId: string;
  readonly name: string;
  readonly priority: number;
  readonly eligible: boolean;
  readonly audience: { readonly status: "needs_setup" | "ready"; readonly passed: boolean; readonly condition: ConditionTrace | null };
  readonly device: { readonly required: DeviceTarget | "invalid"; readonly actual: ResolvedDevice["device"]; readonly source: ResolvedDevice["source"]; readonly passed: boolean };
  readonly schedule: { readonly passed: boolean; readonly reason: string };
  readonly frequency: { readonly rule: Frequency | "invalid"; readonly passed: boolean; readonly reason: string };
}

export interface PersonalizationTrace {
  readonly name: string;
  readonly group: string | null;
  readonly personalizationId: string | null;
  readonly status: PersonalizationStatus | null;
  /** Evaluated although not running, because the request asked for it (preview). */
  readonly evaluatedAsRunning: boolean;
  readonly reason: Reason;
  readonly experiences: readonly ExperienceTrace[];
  readonly winner: string | null;
  readonly control: {
    /** The hash bucket in [0, 1); computed for the trace even when the arm was sticky. */
    readonly bucket: number;
    readonly controlPercent: number;
    readonly arm: Arm;
    readonly sticky: boolean;
  } | null;
  readonly render: { readonly ok: boolean; readonly path?: string; readonly error?: string } | null;
}

export interface ChooseResult {
  readonly choices: Choice[];
  /** Parallel to `choices`: what to record for each, or null when nothing was exposed. */
  readonly records: (ExposureRecord | null)[];
  /** Payloads that failed to render (reason `render_error`), for the log. */
  readonly renderErrors: RenderError[];
  /** Parallel to `choices` when `explain` was asked, else null. */
  readonly traces: PersonalizationTrace[] | null;
}

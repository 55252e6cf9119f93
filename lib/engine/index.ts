/**
 * `lib/engine` — Bespoke's pure decision core, shared by choose-api and the console preview.
 * No I/O, no database, no framework, no clock (`now` is an argument), no hidden randomness.
 */

// Audience conditions (SPEC §3)
export { evalCondition } from "./condition/evaluate";
export { compileCondition } from "./condition/compile";
export { createEvalEnv, type EvalEnvInput } from "./condition/env";
export { validateCondition, findSegmentRefs, type ConditionProblem, type ValidateConditionOptions } from "./condition/validate";
export { validateRegex, MAX_REGEX_LENGTH, MAX_REGEX_INPUT } from "./condition/safe-regex";
export { audienceStatus, isEmptyAudience, type AudienceStatus } from "./condition/audience";
export { VALUE_OPERATORS, type ValueOperator } from "./condition/operators";
export type {
  CompiledCondition,
  ConditionObject,
  ConditionTrace,
  EngineEvent,
  EvalEnv,
  FieldTrace,
  SavedGroups,
  SegmentDefinition,
} from "./condition/types";

// Display rules (SPEC §2, §4)
export { validateSchedule, compileSchedule, evaluateSchedule, type Schedule, type CompiledSchedule, type ScheduleResult } from "./rules/schedule";
export { isValidTimeZone, localClock, parseDateTime, type LocalClock } from "./rules/time-zone";
export { resolveDevice, deviceOfUserAgent, deviceMatches, normalizeDeviceTarget, type Device, type DeviceTarget, type ResolvedDevice } from "./rules/device";
export { evaluateFrequency, normalizeFrequency, type Frequency, type FrequencyResult } from "./rules/frequency";
export { bucket, assignArm, murmur3, type Arm, type ArmDecision } from "./rules/bucket";

// Payload templates (SPEC §5)
export { compilePayload, validatePayloadTemplates, MAX_PAYLOAD_BYTES, type CompiledPayload, type PayloadProblem, type RenderResult, type RenderScope } from "./render/payload";
export { LIQUID_LIMITS } from "./render/liquid";

// Decisions (SPEC §2, §6.1)
export { compileConfig, type CompiledConfig, type CompiledExperience, type CompiledPersonalization } from "./decision/config";
export { choose, chooseOne, type ChooseOneResult } from "./decision/choose";
export { buildDocument, buildRenderScope, type EvaluationDocument } from "./decision/document";
export type {
  Choice,
  ChooseRequest,
  ChooseResult,
  DecisionContext,
  DecisionProfile,
  DecisionRequestInfo,
  ExperienceTrace,
  ExposureRecord,
  OptimizationType,
  PersonalizationStatus,
  PersonalizationTrace,
  RawConfig,
  RawExperience,
  RawPersonalization,
  RawSegment,
  Reason,
  RenderError,
} from "./decision/types";

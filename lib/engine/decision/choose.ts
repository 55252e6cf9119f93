import { createEvalEnv } from "../condition/env";
import type { EvalEnv } from "../condition/types";
import type { RenderScope } from "../render/payload";
import { assignArm, bucket } from "../rules/bucket";
import { deviceMatches, resolveDevice, type ResolvedDevice } from "../rules/device";
import { evaluateFrequency } from "../rules/frequency";
import { evaluateSchedule } from "../rules/schedule";
import { localClock, type LocalClock } from "../rules/time-zone";
import type { CompiledConfig, CompiledExperience, CompiledPersonalization } from "./config";
import { buildDocument, buildRenderScope, type EvaluationDocument } from "./document";
import type {
  ChooseRequest,
  ChooseResult,
  Choice,
  DecisionContext,
  ExperienceTrace,
  ExposureRecord,
  PersonalizationTrace,
  Reason,
  RenderError,
} from "./types";

/**
 * `choose` — which experience, if any, each requested personalization shows this visitor
 * (SPEC §2). Pure: everything it needs is passed in, including `now` (epoch ms); it records
 * nothing.
 *
 * Order: every requested name exactly once, in request order (repeats dropped), then the members
 * of each requested group, group by group in member (creation) order, skipping selectors already
 * listed and, unless `includeNotRunning`, members that are not running. A name whose
 * personalization has another `optimizationType` than the request's is `not_found`; such group
 * members are left out. Archived personalizations are `not_running`, preview or not.
 *
 * Per personalization: experiences by priority, the first eligible wins (audience ∧ device ∧
 * schedule ∧ frequency); none → `no_match`. Then the arm: the profile's existing assignment, or
 * the MurmurHash3 bucket of (personalization id, profile id) against the control percentage.
 * Control → `control`, body null; treatment → `served` with the rendered payload, or
 * `render_error` (body null, nothing to record) when the payload fails to render.
 *
 * ## Recording and the `once` claim protocol
 *
 * For every `served` or `control` choice, `records[i]` says what the caller must persist: the
 * exposure (profile, personalization, experience, arm, visit, time), the arm when
 * `newAssignment` is true, and for `frequency` `once` / `once_per_visit` a *claim*. Decisions run
 * concurrently, so the claim is the real test of the frequency rule:
 *
 *   1. Insert the claim with a unique constraint — (profile, experience) for `once`,
 *      (profile, experience, visit) for `once_per_visit` — never read-then-write.
 *   2. If the insert succeeds, the choice stands: record the exposure and the assignment.
 *   3. If it conflicts, another request got there first. Add the experience id to
 *      `exposedEver` (`once`) or `exposedThisVisit` (`once_per_visit`) and call
 *      {@link chooseOne} again for that entry (same `name` and `group`, same `now`): the
 *      experience is now ineligible and the walk falls through to the next eligible one (or
 *      `no_match`). Repeat with that result's record, if any. Each retry removes one experience,
 *      so the loop ends after at most as many rounds as the personalization has experiences.
 *
 * `always` needs no claim. An arm stored by a concurrent request is the same arm (the hash is
 * deterministic), so assignments may be inserted with "on conflict do nothing".
 */
export function choose(config: CompiledConfig, context: DecisionContext, request: ChooseRequest, now: number): ChooseResult {
  const session = prepare(config, context, now);
  const explain = request.explain === true;
  const entries = listEntries(config, request);
  const choices: Choice[] = [];
  const records: (ExposureRecord | null)[] = [];
  const renderErrors: RenderError[] = [];
  const traces: PersonalizationTrace[] | null = explain ? [] : null;
  for (const entry of entries) {
    const outcome = decide(session, entry, request.includeNotRunning === true, explain);
    choices.push(outcome.choice);
    records.push(outcome.record);
    if (outcome.renderError) renderErrors.push(outcome.renderError);
    if (traces && outcome.trace) traces.push(outcome.trace);
  }
  return { choices, records, renderErrors, traces };
}

export interface ChooseOneResult {
  readonly choice: Choice;
  readonly record: ExposureRecord | null;
  readonly renderError: RenderError | null;
  readonly trace: PersonalizationTrace | null;
}

/** One entry, decided again: the retry step of the claim protocol (see {@link choose}). */
export function chooseOne(
  config: CompiledConfig,
  context: DecisionContext,
  entry: { readonly name: string; readonly group?: string | null },
  now: number,
  options: Pick<ChooseRequest, "includeNotRunning" | "explain" | "optimizationType"> = {},
): ChooseOneResult {
  const session = prepare(config, context, now);
  let personalization = config.bySelector.get(entry.name) ?? null;
  if (personalization && options.optimizationType && personalization.optimizationType !== options.optimizationType) personalization = null;
  const outcome = decide(session, { name: entry.name, group: entry.group ?? null, personalization }, options.includeNotRunning === true, options.explain === true);
  return { choice: outcome.choice, record: outcome.record, renderError: outcome.renderError, trace: outcome.trace };
}

interface Entry {
  readonly name: string;
  readonly group: string | null;
  readonly personalization: CompiledPersonalization | null;
}

function evaluable(p: CompiledPersonalization, includeNotRunning: boolean): boolean {
  return p.status === "running" || (includeNotRunning && (p.status === "draft" || p.status === "paused"));
}

function listEntries(config: CompiledConfig, request: ChooseRequest): Entry[] {
  const entries: Entry[] = [];
  const listed = new Set<string>();
  const type = request.optimizationType;
  for (const name of request.names) {
    if (listed.has(name)) continue;
    listed.add(name);
    const p = config.bySelector.get(name);
    entries.push({ name, group: null, personalization: p && (!type || p.optimizationType === type) ? p : null });
  }
  const includeNotRunning = request.includeNotRunning === true;
  for (const group of request.groups) {
    for (const p of config.groups.get(group) ?? []) {
      if (listed.has(p.selector)) continue;
      if (type && p.optimizationType !== type) continue;
      if (!evaluable(p, includeNotRunning)) continue;
      listed.add(p.selector);
      entries.push({ name: p.selector, group, personalization: p });
    }
  }
  return entries;
}

/**
 * Per-call state shared by every personalization of the call; the costly parts are lazy. A class,
 * not closures: nothing on the per-decision path allocates functions.
 */
class Session {
  readonly device: ResolvedDevice;
  readonly doc: EvaluationDocument;
  readonly env: EvalEnv;
  /** For `evaluateSchedule`, which asks for the wall clock only when a rule needs it. */
  readonly clock: () => LocalClock;
  private localTime: LocalClock | null = null;
  private renderScope: RenderScope | null = null;

  constructor(
    readonly config: CompiledConfig,
    readonly context: DecisionContext,
    readonly now: number,
  ) {
    this.device = resolveDevice(context.request.device, context.request.userAgent);
    this.doc = buildDocument(context, this.device);
    this.env = createEvalEnv({ root: this.doc, now, segments: config.segments, staticSegments: context.staticSegments, events: context.events });
    this.clock = () => (this.localTime ??= localClock(this.now, this.config.timezone));
  }

  scope(): RenderScope {
    return (this.renderScope ??= buildRenderScope(this.context, this.doc));
  }
}

function prepare(config: CompiledConfig, context: DecisionContext, now: number): Session {
  return new Session(config, context, now);
}

interface Outcome {
  readonly choice: Choice;
  readonly record: ExposureRecord | null;
  readonly renderError: RenderError | null;
  readonly trace: PersonalizationTrace | null;
}

function decide(session: Session, entry: Entry, includeNotRunning: boolean, explain: boolean): Outcome {
  const { name, group, personalization: p } = entry;
  if (p === null) {
    return bare(name, group, null, "not_found", explain);
  }
  if (!evaluable(p, includeNotRunning)) {
    return bare(name, group, p, "not_running", explain);
  }
  const evaluatedAsRunning = p.status !== "running";

  let winner: CompiledExperience | null = null;
  let experienceTraces: ExperienceTrace[] = [];
  if (explain) {
    experienceTraces = p.experiences.map((e) => traceExperience(session, e));
    const index = experienceTraces.findIndex((t) => t.eligible);
    winner = index >= 0 ? p.experiences[index] : null;
  } else {
    for (const e of p.experiences) {
      if (eligible(session, e)) {
        winner = e;
        break;
      }
    }
  }

  if (winner === null) {
    return { choice: choiceOf(name, group, null, "no_match", p, null, null), record: null, renderError: null, trace: explain ? traceOf(entry, p, evaluatedAsRunning, "no_match", experienceTraces, null, null, null) : null };
  }

  const existing = session.context.assignments.get(p.id);
  const arm = assignArm(p.id, session.context.profile.id, p.controlPercent, existing);
  const control = explain
    ? { bucket: arm.bucket ?? bucket(p.id, session.context.profile.id), controlPercent: p.controlPercent, arm: arm.arm, sticky: arm.sticky }
    : null;
  // `eligible` guarantees a known frequency.
  const record: ExposureRecord = { personalizationId: p.id, experienceId: winner.id, arm: arm.arm, frequency: winner.frequency ?? "always", newAssignment: !arm.sticky };

  if (arm.arm === "control") {
    return { choice: choiceOf(name, group, null, "control", p, winner, "control"), record, renderError: null, trace: explain ? traceOf(entry, p, evaluatedAsRunning, "control", experienceTraces, winner, control, null) : null };
  }

  const rendered = winner.payload.render(session.scope(), session.now);
  if (!rendered.ok) {
    return {
      choice: choiceOf(name, group, null, "render_error", p, winner, "treatment"),
      record: null,
      renderError: { name, personalizationId: p.id, experienceId: winner.id, path: rendered.path, message: rendered.error },
      trace: explain ? traceOf(entry, p, evaluatedAsRunning, "render_error", experienceTraces, winner, control, { ok: false, path: rendered.path, error: rendered.error }) : null,
    };
  }
  return { choice: choiceOf(name, group, rendered.body, "served", p, winner, "treatment"), record, renderError: null, trace: explain ? traceOf(entry, p, evaluatedAsRunning, "served", experienceTraces, winner, control, { ok: true }) : null };
}

function traceOf(
  entry: Entry,
  p: CompiledPersonalization,
  evaluatedAsRunning: boolean,
  reason: Reason,
  experiences: ExperienceTrace[],
  winner: CompiledExperience | null,
  control: PersonalizationTrace["control"],
  render: PersonalizationTrace["render"],
): PersonalizationTrace {
  return { name: entry.name, group: entry.group, personalizationId: p.id, status: p.status, evaluatedAsRunning, reason, experiences, winner: winner?.id ?? null, control, render };
}

/** Every choice has the same shape (one hidden class): object spreads here cost more than the rest of a decision. */
function choiceOf(
  name: string,
  group: string | null,
  body: unknown,
  reason: Reason,
  p: CompiledPersonalization | null,
  e: CompiledExperience | null,
  variant: Choice["variant"],
): Choice {
  return { name, group, body, reason, personalizationId: p?.id ?? null, experienceId: e?.id ?? null, experienceName: e?.name ?? null, variant };
}

function bare(name: string, group: string | null, p: CompiledPersonalization | null, reason: Reason, explain: boolean): Outcome {
  return {
    choice: choiceOf(name, group, null, reason, p, null, null),
    record: null,
    renderError: null,
    trace: explain
      ? { name, group, personalizationId: p?.id ?? null, status: p?.status ?? null, evaluatedAsRunning: false, reason, experiences: [], winner: null, control: null, render: null }
      : null,
  };
}

/** The fast path: cheapest checks first, stop at the first failure. */
function eligible(session: Session, e: CompiledExperience): boolean {
  if (e.audience === null || e.devices === null || e.frequency === null) return false;
  if (e.devices !== "all" && e.devices !== session.device.device) return false;
  if (e.frequency !== "always" && !evaluateFrequency(e.frequency, e.id, session.context.exposedEver, session.context.exposedThisVisit).passed) return false;
  if (e.schedule !== null && !evaluateSchedule(e.schedule, session.now, session.clock).passed) return false;
  return e.audience.test(session.doc, session.env);
}

/** The explain path: every check, with its reason. Must agree with `eligible`. */
function traceExperience(session: Session, e: CompiledExperience): ExperienceTrace {
  const condition = e.audience === null ? null : e.audience.explain(session.doc, session.env);
  const audience = { status: e.audience === null ? ("needs_setup" as const) : ("ready" as const), passed: condition?.passed ?? false, condition };
  const device = {
    required: e.devices ?? ("invalid" as const),
    actual: session.device.device,
    source: session.device.source,
    passed: e.devices !== null && deviceMatches(e.devices, session.device),
  };
  const schedule = evaluateSchedule(e.schedule, session.now, session.clock);
  const frequency =
    e.frequency === null
      ? { rule: "invalid" as const, passed: false, reason: "unknown frequency rule" }
      : { rule: e.frequency, ...evaluateFrequency(e.frequency, e.id, session.context.exposedEver, session.context.exposedThisVisit) };
  return {
    experienceId: e.id,
    name: e.name,
    priority: e.priority,
    eligible: audience.passed && device.passed && schedule.passed && frequency.passed,
    audience,
    device,
    schedule: { passed: schedule.passed, reason: schedule.reason },
    frequency,
  };
}

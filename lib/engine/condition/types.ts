/**
 * Shapes shared by the condition compiler, its evaluator and its trace.
 *
 * A condition is GrowthBook's MongoDB-style targeting object plus Bespoke's three extensions
 * (`$segment`, `$event`, `$everyone`). It arrives as untyped JSON, so it is typed as `unknown`
 * values and every node is checked when it is compiled, not trusted.
 */

/** A condition object: keys are operators (`$and`, `$segment`, …) or dotted attribute paths. */
export type ConditionObject = { readonly [key: string]: unknown };

/** GrowthBook's saved groups: group id → list of values (or `{ type: "list", values }`). */
export type SavedGroups = { readonly [groupId: string]: unknown };

/** One event of the profile, as `$event` counts it. `occurredAt` is epoch milliseconds. */
export interface EngineEvent {
  readonly name: string;
  readonly properties: { readonly [key: string]: unknown };
  readonly occurredAt: number;
}

/** A compiled segment as `$segment` resolves it. */
export type SegmentDefinition =
  | { readonly type: "rule"; readonly condition: CompiledCondition }
  | { readonly type: "static" };

/**
 * What an evaluation can see besides the document under test. Built once per decision context
 * (see `createEvalEnv`): the memo and the cycle guard are per-evaluation scratch space.
 */
export interface EvalEnv {
  readonly savedGroups: SavedGroups;
  /** The evaluation document; `$segment` rules are evaluated against it even inside `$elemMatch`. */
  readonly root: unknown;
  readonly segments: ReadonlyMap<string, SegmentDefinition> | null;
  readonly staticSegments: ReadonlySet<string> | null;
  readonly events: EventIndex | null;
  /** Epoch milliseconds; `$event.within` windows end here. */
  readonly now: number;
  /** Segment keys being evaluated right now: a key met again is a cycle and evaluates to false. */
  readonly visiting: Set<string>;
  /** Segment results already known for this document; dropped for good once a cycle is met. */
  segmentMemo: Map<string, boolean> | null;
}

/** Events grouped by name, built lazily once per context. */
export interface EventIndex {
  byName(name: string): readonly EngineEvent[];
}

/** A leaf of a trace: one operator applied to one attribute path. */
export interface FieldTrace {
  readonly kind: "field";
  readonly passed: boolean;
  readonly path: string;
  /** The operator, or `"="` for GrowthBook's implicit equality (`{"plan": "pro"}`). */
  readonly operator: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

/** Why a condition did or did not pass, node by node, with the values it saw. */
export type ConditionTrace =
  | FieldTrace
  | { readonly kind: "all" | "and" | "or" | "nor"; readonly passed: boolean; readonly children: readonly ConditionTrace[] }
  | { readonly kind: "not"; readonly passed: boolean; readonly child: ConditionTrace }
  | {
      readonly kind: "segment";
      readonly passed: boolean;
      readonly key: string;
      readonly segmentType: "rule" | "static" | "unknown" | "cycle";
      readonly condition?: ConditionTrace;
    }
  | {
      readonly kind: "event";
      readonly passed: boolean;
      readonly name: string;
      /** How many events matched name, window and `where`. */
      readonly actual: number;
      /** The `count` condition the number was tested against. */
      readonly expected: unknown;
      readonly withinMs: number | null;
    }
  | { readonly kind: "everyone"; readonly passed: boolean }
  | { readonly kind: "invalid"; readonly passed: false; readonly path: string; readonly message: string };

/** A condition compiled once and evaluated many times. */
export interface CompiledCondition {
  /** The fast path: true when the document matches. */
  readonly test: (doc: unknown, env: EvalEnv) => boolean;
  /** The same decision, with every node evaluated (no short-circuit) and recorded. */
  readonly explain: (doc: unknown, env: EvalEnv) => ConditionTrace;
}

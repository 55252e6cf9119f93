import type { EngineEvent, EvalEnv, EventIndex, SavedGroups, SegmentDefinition } from "./types";

export interface EvalEnvInput {
  /** The evaluation document (what `$segment` rules are evaluated against). */
  readonly root: unknown;
  readonly now?: number;
  readonly savedGroups?: SavedGroups;
  readonly segments?: ReadonlyMap<string, SegmentDefinition> | null;
  readonly staticSegments?: ReadonlySet<string> | null;
  readonly events?: readonly EngineEvent[] | null;
}

const NO_GROUPS: SavedGroups = {};

/** The evaluation environment for one document; reuse it for every condition on that document. */
export function createEvalEnv(input: EvalEnvInput): EvalEnv {
  return {
    savedGroups: input.savedGroups ?? NO_GROUPS,
    root: input.root,
    segments: input.segments ?? null,
    staticSegments: input.staticSegments ?? null,
    events: input.events ? indexEvents(input.events) : null,
    now: input.now ?? 0,
    visiting: new Set(),
    segmentMemo: new Map(),
  };
}

/** Groups events by name on first use, so a decision with no `$event` condition pays nothing. */
export function indexEvents(events: readonly EngineEvent[]): EventIndex {
  let byName: Map<string, EngineEvent[]> | null = null;
  return {
    byName(name) {
      if (byName === null) {
        byName = new Map();
        for (const e of events) {
          const list = byName.get(e.name);
          if (list) list.push(e);
          else byName.set(e.name, [e]);
        }
      }
      return byName.get(name) ?? [];
    },
  };
}

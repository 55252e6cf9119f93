import type { Choice, PersonalizationTrace, Reason } from "@/lib/engine/decision/types";
import type { z } from "zod";
import type {
  inlineTestProfileSchema,
  previewRequestSchema,
  PreviewResponse as PreviewResponseWire,
} from "@/lib/schemas/preview";

// The wire shapes of `POST …/preview` as the console reads them. The traces are the engine's own
// types (lib/engine/decision/types.ts): the preview is computed by the same `choose` as choose-api.

export type { ConditionTrace, FieldTrace } from "@/lib/engine/condition/types";
export type { Choice, ExperienceTrace, PersonalizationTrace, Reason } from "@/lib/engine/decision/types";

/** The body of `POST …/preview`, as its schema accepts it (lib/schemas/preview.ts). */
export type PreviewRequest = z.input<typeof previewRequestSchema>;

/** An inline visitor: a test profile's fields without name and description, not saved. */
export type InlineVisitor = z.input<typeof inlineTestProfileSchema>;

/**
 * The answer of `POST …/preview`. Its schema types the traces loosely (`DecisionTrace` is an open
 * object in the OpenAPI document); here they are the engine's own type, which produced them.
 */
export type PreviewResponse = Omit<PreviewResponseWire, "choices" | "traces"> & {
  choices: Choice[];
  /** Parallel to `choices`. */
  traces?: PersonalizationTrace[] | null;
};

/** One selector's outcome, with the trace that explains it (null when the server sent none). */
export interface PreviewOutcome {
  readonly choice: Choice;
  readonly trace: PersonalizationTrace | null;
}

/** Pairs each choice with its trace (the answer sends them as parallel arrays). */
export function outcomesOf(response: PreviewResponse): PreviewOutcome[] {
  return response.choices.map((choice, i) => {
    const byIndex = response.traces?.[i];
    const trace =
      byIndex && byIndex.name === choice.name && byIndex.group === choice.group
        ? byIndex
        : (response.traces?.find((t) => t.name === choice.name && t.group === choice.group) ?? null);
    return { choice, trace };
  });
}

export const REASONS: readonly Reason[] = [
  "served",
  "control",
  "no_match",
  "not_running",
  "not_found",
  "render_error",
];

/**
 * Display frequency (SPEC §2). Exposures of both arms count, so treatment and control stay
 * comparable: a control visitor "used up" a `once` experience as much as a treated one.
 */
export type Frequency = "always" | "once" | "once_per_visit";

export interface FrequencyResult {
  readonly passed: boolean;
  readonly reason: string;
}

export function normalizeFrequency(frequency: unknown): Frequency | null {
  if (frequency === undefined || frequency === null) return "always";
  return frequency === "always" || frequency === "once" || frequency === "once_per_visit" ? frequency : null;
}

export function evaluateFrequency(
  frequency: Frequency,
  experienceId: string,
  exposedEver: ReadonlySet<string>,
  exposedThisVisit: ReadonlySet<string>,
): FrequencyResult {
  switch (frequency) {
    case "always":
      return { passed: true, reason: "shown every time" };
    case "once":
      return exposedEver.has(experienceId) ? { passed: false, reason: "already exposed once" } : { passed: true, reason: "never exposed before" };
    case "once_per_visit":
      return exposedThisVisit.has(experienceId)
        ? { passed: false, reason: "already exposed in this visit" }
        : { passed: true, reason: "not yet exposed in this visit" };
  }
}

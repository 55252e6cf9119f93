// Result shapes and gbstats's "default output": what a test returns when it cannot be computed,
// uninformative numbers plus gbstats's own error code, so the UI can say why.

/** gbstats's message constants, kept verbatim so results read the same as GrowthBook's. */
export const STATS_ERROR = {
  noUnits: "NO_UNITS_IN_VARIATION",
  zeroVariance: "ZERO_NEGATIVE_VARIANCE",
  zeroBaseline: "ZERO_NEGATIVE_BASELINE_VARIATION",
  alphaTooLargeForSequentialOneSided: "ALPHA_GREATER_THAN_0.5_FOR_SEQUENTIAL_ONE_SIDED_TEST",
} as const;

export type StatsErrorMessage = (typeof STATS_ERROR)[keyof typeof STATS_ERROR];

/** The normal approximation of the effect's sampling (or posterior) distribution. */
export interface Uplift {
  mean: number;
  stddev: number;
}

interface TestResultBase {
  /** Point estimate of the effect, in the units of `differenceType`. */
  expected: number;
  /** Interval at 1 − alpha; an open side of a one-sided interval is ±Infinity (JSON: null). */
  ci: [number, number];
  uplift: Uplift;
  errorMessage: StatsErrorMessage | null;
}

export interface FrequentistResult extends TestResultBase {
  pValue: number;
}

/**
 * Expected loss, in the units of `differenceType`: `control` is what shipping control is expected
 * to cost if treatment is in fact better, E[max(Δ, 0)]; `treatment` is what shipping treatment is
 * expected to cost, E[max(−Δ, 0)]. gbstats returns the same two numbers as `risk: [control, treatment]`.
 */
export interface Risk {
  control: number;
  treatment: number;
}

export interface BayesianResult extends TestResultBase {
  chanceToWin: number;
  risk: Risk;
}

export function defaultFrequentistResult(errorMessage: StatsErrorMessage): FrequentistResult {
  return { expected: 0, ci: [0, 0], uplift: { mean: 0, stddev: 0 }, pValue: 1, errorMessage };
}

export function defaultBayesianResult(errorMessage: StatsErrorMessage): BayesianResult {
  return {
    expected: 0,
    ci: [0, 0],
    uplift: { mean: 0, stddev: 0 },
    chanceToWin: 0.5,
    risk: { control: 0, treatment: 0 },
    errorMessage,
  };
}

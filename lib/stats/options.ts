// The options both tests take, with gbstats's defaults. One shape for both engines so a results
// page can pass the same object to each; a test ignores the fields that do not apply to it.

export type DifferenceType = "relative" | "absolute";
export type Sides = "two-sided" | "greater" | "lesser";

/** A Gaussian prior on the effect. `proper: false` is gbstats's flat (improper) prior. */
export interface GaussianPrior {
  mean: number;
  variance: number;
  proper: boolean;
}

export interface StatsOptions {
  /** `relative`: (treatment − control) / control; `absolute`: treatment − control. gbstats default: relative. */
  differenceType?: DifferenceType;
  /** Significance level; intervals are at 1 − alpha. Default 0.05. */
  alpha?: number;
  /** Frequentist only. `greater`: H1 treatment > control; `lesser`: H1 treatment < control. */
  sides?: Sides;
  /**
   * Frequentist only. When set, the always-valid sequential test is used, tightest near this total
   * sample size; `DEFAULT_SEQUENTIAL_TUNING` (5000) is gbstats's default.
   */
  sequentialTuning?: number;
  /** Bayesian only. Absent or `proper: false`: flat prior. */
  prior?: GaussianPrior;
  /**
   * Bayesian only. The scale the prior is stated on; gbstats's default is relative (a prior of
   * N(0, 0.3²) on the lift), rescaled by the control mean when the difference is absolute.
   */
  priorType?: DifferenceType;
}

export const DEFAULT_ALPHA = 0.05;
export const DEFAULT_SEQUENTIAL_TUNING = 5000;

export interface ResolvedOptions {
  differenceType: DifferenceType;
  alpha: number;
  sides: Sides;
  sequentialTuning: number | null;
  prior: GaussianPrior | null;
  priorType: DifferenceType;
}

export function resolveOptions(options: StatsOptions = {}): ResolvedOptions {
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  const sequentialTuning = options.sequentialTuning ?? null;
  if (sequentialTuning !== null && !(sequentialTuning > 0 && Number.isFinite(sequentialTuning))) {
    throw new RangeError(`sequentialTuning must be a positive number, got ${sequentialTuning}`);
  }
  const prior = options.prior?.proper ? options.prior : null;
  if (prior && !(prior.variance > 0 && Number.isFinite(prior.variance) && Number.isFinite(prior.mean))) {
    throw new RangeError(
      `a proper prior needs a finite mean and a positive variance, got ${prior.mean}, ${prior.variance}`,
    );
  }
  return {
    differenceType: options.differenceType ?? "relative",
    alpha,
    sides: options.sides ?? "two-sided",
    sequentialTuning,
    prior,
    priorType: options.priorType ?? "relative",
  };
}

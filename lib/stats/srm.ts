// Sample-ratio mismatch: does the observed split of units across arms fit the configured weights?
// A mismatch means assignment or exposure logging is broken, and every other figure is suspect.
import { chiSquareSurvival } from "./distributions";

export interface ChiSquareResult {
  chiSquare: number;
  pValue: number;
  df: number;
}

/**
 * Pearson's chi-square goodness of fit of observed counts against expected weights (any positive
 * scale; they are normalized), as gbstats's check_srm: arms with weight ≤ 0 add nothing to the
 * statistic but still count in df = arms − 1, and no units at all gives p = 1.
 */
export function chiSquareGoodnessOfFit(
  observed: readonly number[],
  weights: readonly number[],
): ChiSquareResult {
  if (observed.length !== weights.length)
    throw new RangeError(`got ${observed.length} counts for ${weights.length} weights`);
  if (observed.length < 2) throw new RangeError("a goodness-of-fit test needs at least two arms");
  if (observed.some((count) => !(count >= 0 && Number.isFinite(count))))
    throw new RangeError("counts must be finite and ≥ 0");
  if (weights.some((weight) => !Number.isFinite(weight))) throw new RangeError("weights must be finite");
  const df = observed.length - 1;
  const total = observed.reduce((a, b) => a + b, 0);
  const totalWeight = weights.reduce((a, b) => a + Math.max(b, 0), 0);
  if (total === 0) return { chiSquare: 0, pValue: 1, df };
  if (!(totalWeight > 0)) throw new RangeError("at least one weight must be positive");

  let chiSquare = 0;
  observed.forEach((count, i) => {
    const weight = weights[i] ?? 0;
    if (weight <= 0) return;
    const expected = (weight / totalWeight) * total;
    chiSquare += (count - expected) ** 2 / expected;
  });
  return { chiSquare, pValue: chiSquareSurvival(chiSquare, df), df };
}

/** The p-value below which the split is flagged (GrowthBook's default SRM threshold). */
export const SRM_P_VALUE_THRESHOLD = 0.001;

export interface SrmCheckResult {
  pValue: number;
  warning: boolean;
}

/** Two-arm SRM check against the configured share of control, in (0, 1). */
export function srmCheck(controlCount: number, treatmentCount: number, controlShare: number): SrmCheckResult {
  if (!(controlShare > 0 && controlShare < 1))
    throw new RangeError(`controlShare must be in (0, 1), got ${controlShare}`);
  const { pValue } = chiSquareGoodnessOfFit([controlCount, treatmentCount], [controlShare, 1 - controlShare]);
  return { pValue, warning: pValue < SRM_P_VALUE_THRESHOLD };
}

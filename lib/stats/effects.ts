// The effect of treatment against control and the variance of that estimate: gbstats's
// frequentist_diff / frequentist_variance, shared by the frequentist and the Bayesian test.
import type { DifferenceType } from "./options";
import { armMean, armVariance, type ArmStatistic } from "./statistics";

export interface Effect {
  estimate: number;
  /** Variance of the estimate (a squared standard error), not a per-unit variance. */
  variance: number;
}

/**
 * Delta-method variance of M / D for means M, D with variances varM, varD and covariance covMD:
 * varM/D² + varD·M²/D⁴ − 2·covMD·M/D³. Returns 0 when D = 0, as gbstats does, which the tests then
 * treat as a zero variance.
 */
export function varianceOfRatios(
  meanM: number,
  varM: number,
  meanD: number,
  varD: number,
  covMD = 0,
): number {
  if (meanD === 0) return 0;
  return varM / meanD ** 2 + (varD * meanM ** 2) / meanD ** 4 - (2 * covMD * meanM) / meanD ** 3;
}

/** treatment − control, with variance varT/nT + varC/nC. */
export function absoluteEffect(control: ArmStatistic, treatment: ArmStatistic): Effect {
  return {
    estimate: armMean(treatment) - armMean(control),
    variance: armVariance(treatment) / treatment.n + armVariance(control) / control.n,
  };
}

/**
 * (treatment − control) / control. Its variance is that of the ratio of the two sample means by
 * the delta method, the arms being independent (covariance 0): gbstats's variance_of_ratios applied
 * to (meanT, varT/nT) over (meanC, varC/nC). The "− 1" shifts the ratio without changing its variance.
 */
export function relativeEffect(control: ArmStatistic, treatment: ArmStatistic): Effect {
  const meanC = armMean(control);
  const meanT = armMean(treatment);
  return {
    estimate: meanC === 0 ? 0 : (meanT - meanC) / meanC,
    variance: varianceOfRatios(
      meanT,
      armVariance(treatment) / treatment.n,
      meanC,
      armVariance(control) / control.n,
    ),
  };
}

export function effectOf(
  control: ArmStatistic,
  treatment: ArmStatistic,
  differenceType: DifferenceType,
): Effect {
  return differenceType === "relative"
    ? relativeEffect(control, treatment)
    : absoluteEffect(control, treatment);
}

/**
 * Welch–Satterthwaite degrees of freedom from the per-arm variances (gbstats uses these for the
 * relative test too): (vT/nT + vC/nC)² / (vT²/(nT²(nT−1)) + vC²/(nC²(nC−1))). Needs n > 1 and
 * positive variances in both arms.
 */
export function welchDegreesOfFreedom(control: ArmStatistic, treatment: ArmStatistic): number {
  const vC = armVariance(control);
  const vT = armVariance(treatment);
  const nC = control.n;
  const nT = treatment.n;
  return (vT / nT + vC / nC) ** 2 / (vT ** 2 / (nT ** 2 * (nT - 1)) + vC ** 2 / (nC ** 2 * (nC - 1)));
}

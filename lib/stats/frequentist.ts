// gbstats's frequentist engine: Welch's t-test on the (relative or absolute) effect, two- or
// one-sided, and its always-valid sequential variant.
import { effectOf, welchDegreesOfFreedom } from "./effects";
import { studentTCdf, studentTQuantile } from "./distributions";
import { resolveOptions, type StatsOptions } from "./options";
import { defaultFrequentistResult, STATS_ERROR, type FrequentistResult } from "./results";
import {
  sequentialHalfwidth,
  sequentialHalfwidthOneSided,
  sequentialOneSidedPValue,
  sequentialPValue,
  sequentialRho,
} from "./sequential";
import { armMean, armVariance, assertArmStatistic, type ArmStatistic } from "./statistics";

/**
 * Welch t-test of treatment against control. Returns the effect, its interval at 1 − alpha, the
 * p-value and the normal approximation of the estimate; or gbstats's default output (expected 0,
 * ci [0, 0], p-value 1) with its error code when either arm has zero variance (which includes an
 * empty arm or a single unit) or the control mean is zero (checked in that order, as gbstats).
 *
 * The p-value is computed from the t tail directly (2·F(−|t|)) rather than gbstats's 2·(1 − F(|t|)),
 * the same number without the cancellation below ~1e-16.
 */
export function frequentistTest(
  control: ArmStatistic,
  treatment: ArmStatistic,
  options: StatsOptions = {},
): FrequentistResult {
  assertArmStatistic(control, "control");
  assertArmStatistic(treatment, "treatment");
  const { differenceType, alpha, sides, sequentialTuning } = resolveOptions(options);

  if (armVariance(control) <= 0 || armVariance(treatment) <= 0)
    return defaultFrequentistResult(STATS_ERROR.zeroVariance);
  const effect = effectOf(control, treatment, differenceType);
  if (!(effect.variance > 0)) return defaultFrequentistResult(STATS_ERROR.zeroVariance);
  // gbstats checks this for absolute differences too, though only the relative one divides by it.
  if (armMean(control) === 0) return defaultFrequentistResult(STATS_ERROR.zeroBaseline);

  const estimate = effect.estimate;
  const se = Math.sqrt(effect.variance);
  const uplift = { mean: estimate, stddev: se };

  if (sequentialTuning !== null) {
    const n = control.n + treatment.n;
    const s2 = effect.variance * n;
    if (sides === "two-sided") {
      const rho = sequentialRho(alpha, sequentialTuning, true);
      const halfwidth = sequentialHalfwidth(s2, n, alpha, rho);
      const pValue = sequentialPValue(estimate, se, n, rho);
      return {
        expected: estimate,
        ci: [estimate - halfwidth, estimate + halfwidth],
        uplift,
        pValue,
        errorMessage: null,
      };
    }
    // The one-sided sequence's bisection bounds stop at 0.5; gbstats refuses larger alphas.
    if (alpha >= 0.5) return defaultFrequentistResult(STATS_ERROR.alphaTooLargeForSequentialOneSided);
    const rho = sequentialRho(alpha, sequentialTuning, false);
    const halfwidth = sequentialHalfwidthOneSided(s2, n, alpha, rho);
    const direction = sides === "greater" ? 1 : -1;
    const pValue = sequentialOneSidedPValue(estimate, se, n, rho, direction);
    const ci: [number, number] =
      sides === "greater" ? [estimate - halfwidth, Infinity] : [-Infinity, estimate + halfwidth];
    return { expected: estimate, ci, uplift, pValue, errorMessage: null };
  }

  const df = welchDegreesOfFreedom(control, treatment);
  const t = estimate / se;
  if (sides === "two-sided") {
    const halfwidth = studentTQuantile(1 - alpha / 2, df) * se;
    const pValue = 2 * studentTCdf(-Math.abs(t), df);
    return {
      expected: estimate,
      ci: [estimate - halfwidth, estimate + halfwidth],
      uplift,
      pValue,
      errorMessage: null,
    };
  }
  const halfwidth = studentTQuantile(1 - alpha, df) * se;
  if (sides === "greater") {
    return {
      expected: estimate,
      ci: [estimate - halfwidth, Infinity],
      uplift,
      pValue: studentTCdf(-t, df),
      errorMessage: null,
    };
  }
  return {
    expected: estimate,
    ci: [-Infinity, estimate + halfwidth],
    uplift,
    pValue: studentTCdf(t, df),
    errorMessage: null,
  };
}

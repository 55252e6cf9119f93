// gbstats's Bayesian engine (EffectBayesianABTest): a Gaussian model of the effect itself. The
// likelihood is the effect's normal approximation (the same estimate and delta-method variance as
// the frequentist test); with a proper Gaussian prior the posterior is the precision-weighted
// combination, with the flat prior it is the likelihood.
import { effectOf } from "./effects";
import { normalCdf, normalPdf, normalQuantile } from "./distributions";
import { resolveOptions, type GaussianPrior, type ResolvedOptions, type StatsOptions } from "./options";
import { defaultBayesianResult, STATS_ERROR, type BayesianResult, type Risk } from "./results";
import { armMean, armVariance, assertArmStatistic, type ArmStatistic } from "./statistics";

/**
 * Expected loss of each decision under a N(mean, sd²) posterior of the effect Δ:
 * control: E[max(Δ, 0)] = mean·Φ(mean/sd) + sd·φ(mean/sd);
 * treatment: E[max(−Δ, 0)] = sd·φ(mean/sd) − mean·Φ(−mean/sd).
 * gbstats gets the same numbers as P(Δ > 0)·E[Δ | Δ > 0] from SciPy's truncated normal; the closed
 * form avoids that detour and its 0·∞ far in the tails. control − treatment = mean, always.
 */
export function gaussianRisk(mean: number, sd: number): Risk {
  const z = mean / sd;
  const density = sd * normalPdf(z);
  return {
    control: mean * normalCdf(z) + density,
    treatment: density - mean * normalCdf(-z),
  };
}

// The prior is stated on `priorType`'s scale; gbstats converts it to the difference's scale with
// the control mean (relative = absolute / |control mean|). null: the scale cannot be converted.
function scaledPrior(
  prior: GaussianPrior,
  options: ResolvedOptions,
  controlMean: number,
): GaussianPrior | null {
  if (options.priorType === options.differenceType) return prior;
  if (controlMean === 0) return null;
  const scale = options.differenceType === "absolute" ? Math.abs(controlMean) : 1 / Math.abs(controlMean);
  return { mean: prior.mean * scale, variance: prior.variance * scale * scale, proper: prior.proper };
}

/**
 * Bayesian test of treatment against control: chance to win P(Δ > 0), the posterior mean of the
 * effect as `expected`, the equal-tailed credible interval at 1 − alpha, and the expected loss of
 * shipping either arm. `sides` and `sequentialTuning` do not apply (gbstats's Bayesian engine has
 * neither). Default output (expected 0, ci [0, 0], chance to win 0.5, risk 0) with gbstats's code
 * when the control mean is zero for a relative difference, an arm is empty, or an arm has zero
 * variance, checked in that order, as gbstats.
 */
export function bayesianTest(
  control: ArmStatistic,
  treatment: ArmStatistic,
  options: StatsOptions = {},
): BayesianResult {
  assertArmStatistic(control, "control");
  assertArmStatistic(treatment, "treatment");
  const resolved = resolveOptions(options);
  const { differenceType, alpha } = resolved;
  const controlMean = armMean(control);

  if (differenceType === "relative" && controlMean === 0)
    return defaultBayesianResult(STATS_ERROR.zeroBaseline);
  if (control.n === 0 || treatment.n === 0) return defaultBayesianResult(STATS_ERROR.noUnits);
  if (armVariance(control) <= 0 || armVariance(treatment) <= 0)
    return defaultBayesianResult(STATS_ERROR.zeroVariance);
  const effect = effectOf(control, treatment, differenceType);
  if (!(effect.variance > 0)) return defaultBayesianResult(STATS_ERROR.zeroVariance);

  let mean = effect.estimate;
  let variance = effect.variance;
  if (resolved.prior) {
    const prior = scaledPrior(resolved.prior, resolved, controlMean);
    // A relative prior means nothing in absolute units when the baseline is 0.
    if (!prior) return defaultBayesianResult(STATS_ERROR.zeroBaseline);
    const precision = 1 / effect.variance + 1 / prior.variance;
    mean = (effect.estimate / effect.variance + prior.mean / prior.variance) / precision;
    variance = 1 / precision;
  }
  const sd = Math.sqrt(variance);
  const z = normalQuantile(1 - alpha / 2);

  return {
    expected: mean,
    ci: [mean - z * sd, mean + z * sd],
    uplift: { mean, stddev: sd },
    chanceToWin: normalCdf(mean / sd),
    risk: gaussianRisk(mean, sd),
    errorMessage: null,
  };
}

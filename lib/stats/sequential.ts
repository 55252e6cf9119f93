// The always-valid (sequential) intervals and p-values gbstats uses when sequential testing is on:
// the Gaussian-mixture confidence sequences of Waudby-Smith et al. 2023, "Time-uniform central limit
// theory and asymptotic confidence sequences" (arXiv 2103.06476v7). They stay valid however often
// the results are looked at, at the price of being wider than the fixed-horizon interval.
//
// As in gbstats, n is the total sample size of both arms and s² = SE² · n is the per-observation
// variance the paper's formulas take, so the interval scales with the same SE as the t-test.

/**
 * The mixing parameter ρ that makes the confidence sequence tightest at total sample size
 * `tuning` (eq. 161): ρ = √((−2 ln a + ln(1 − 2 ln a)) / tuning), with a = alpha for the two-sided
 * sequence and a = 2·alpha for the one-sided one (as gbstats).
 */
export function sequentialRho(alpha: number, tuning: number, twoSided = true): number {
  const a = twoSided ? alpha : 2 * alpha;
  const logA = Math.log(a);
  return Math.sqrt((-2 * logA + Math.log(-2 * logA + 1)) / tuning);
}

/**
 * Two-sided half-width (eq. 9): s · √( 2(nρ² + 1) · ln(√(nρ² + 1) / alpha) / (nρ)² ).
 */
export function sequentialHalfwidth(s2: number, n: number, alpha: number, rho: number): number {
  const nr2 = n * rho * rho;
  return Math.sqrt(s2) * Math.sqrt((2 * (nr2 + 1) * Math.log(Math.sqrt(nr2 + 1) / alpha)) / (n * rho) ** 2);
}

/**
 * One-sided half-width (eq. 134): √( s² · 2(nρ² + 1)/(nρ)² · ln(1 + √(nρ² + 1) / (2·alpha)) ), with ρ
 * from `sequentialRho(alpha, tuning, false)`.
 */
export function sequentialHalfwidthOneSided(s2: number, n: number, alpha: number, rho: number): number {
  const nr2 = n * rho * rho;
  return Math.sqrt(((s2 * 2 * (nr2 + 1)) / (n * rho) ** 2) * Math.log(1 + Math.sqrt(nr2 + 1) / (2 * alpha)));
}

/**
 * Two-sided always-valid p-value (eq. 155): 1 / e-value, capped at 1, where the e-value is the
 * Gaussian mixture martingale exp(ρ²S²/(2(nρ² + 1))) / √(nρ² + 1) with S² = n · estimate² / SE².
 * Worked in logs so a huge effect does not overflow exp. It is dual to the interval: p < alpha
 * exactly when the sequence at alpha excludes 0 (with ρ tuned for that alpha).
 */
export function sequentialPValue(estimate: number, standardError: number, n: number, rho: number): number {
  const st2 = (n * estimate * estimate) / (standardError * standardError);
  const tr2p1 = n * rho * rho + 1;
  const logEvalue = (rho * rho * st2) / (2 * tr2p1) - 0.5 * Math.log(tr2p1);
  return Math.min(Math.exp(-logEvalue), 1);
}

// gbstats finds the one-sided p-value by bisection over alpha inside these bounds and returns the
// bound itself when the answer lies outside; we keep its bounds so the figures agree.
export const SEQUENTIAL_ONE_SIDED_MIN_P = 1e-5;
export const SEQUENTIAL_ONE_SIDED_MAX_P = 0.4999;

/**
 * One-sided always-valid p-value: the smallest alpha at which the one-sided sequence (ρ fixed at the
 * configured alpha's value) excludes 0. gbstats searches for it by bisection; the half-width is
 * monotone in alpha, so setting it equal to the estimate solves in closed form:
 * alpha* = √(nρ² + 1) / (2 · (exp(estimate² / (s² · 2(nρ² + 1)/(nρ)²)) − 1)).
 * `direction` is +1 for H1 treatment > control, −1 for treatment < control. Clamped to gbstats's
 * [1e-5, 0.4999].
 */
export function sequentialOneSidedPValue(
  estimate: number,
  standardError: number,
  n: number,
  rho: number,
  direction: 1 | -1,
): number {
  if (direction * estimate <= 0) return SEQUENTIAL_ONE_SIDED_MAX_P;
  const s2 = standardError * standardError * n;
  const nr2 = n * rho * rho;
  const exponent = (estimate * estimate) / ((s2 * 2 * (nr2 + 1)) / (n * rho) ** 2);
  const alpha = Math.sqrt(nr2 + 1) / (2 * Math.expm1(exponent));
  return Math.min(Math.max(alpha, SEQUENTIAL_ONE_SIDED_MIN_P), SEQUENTIAL_ONE_SIDED_MAX_P);
}

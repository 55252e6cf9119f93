// Distribution functions for the tests. The numerics come from @stdlib (ports of Cephes/Boost,
// accurate to a few ulps); jstat's t quantile was off by ~1e-8 and its normal tail underflows,
// see docs/decisions/020-stats-engine.md. This file only names them and guards the domains.
import gammainc from "@stdlib/math-base-special-gammainc";
import stdlibNormalCdf from "@stdlib/stats-base-dists-normal-cdf";
import stdlibNormalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import stdlibTCdf from "@stdlib/stats-base-dists-t-cdf";
import stdlibTQuantile from "@stdlib/stats-base-dists-t-quantile";

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

function assertDf(df: number, name: string): void {
  if (!(df > 0)) throw new RangeError(`${name}: degrees of freedom must be positive, got ${df}`);
}

function assertProbability(p: number, name: string): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${name}: probability must be in [0, 1], got ${p}`);
}

/** Standard normal density φ(x). */
export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/** Normal CDF P(X ≤ x) for X ~ N(mean, sd²). */
export function normalCdf(x: number, mean = 0, sd = 1): number {
  return stdlibNormalCdf(x, mean, sd);
}

/** Normal quantile: the x with P(X ≤ x) = p for X ~ N(mean, sd²). */
export function normalQuantile(p: number, mean = 0, sd = 1): number {
  assertProbability(p, "normalQuantile");
  return stdlibNormalQuantile(p, mean, sd);
}

/** Student-t CDF P(T ≤ x) with (possibly fractional, as Welch gives) df degrees of freedom. */
export function studentTCdf(x: number, df: number): number {
  assertDf(df, "studentTCdf");
  return stdlibTCdf(x, df);
}

/** Student-t quantile: the x with P(T ≤ x) = p. */
export function studentTQuantile(p: number, df: number): number {
  assertDf(df, "studentTQuantile");
  assertProbability(p, "studentTQuantile");
  return stdlibTQuantile(p, df);
}

/** Chi-square CDF P(X ≤ x): the regularized lower incomplete gamma P(df/2, x/2). */
export function chiSquareCdf(x: number, df: number): number {
  assertDf(df, "chiSquareCdf");
  if (x <= 0) return 0;
  return gammainc(x / 2, df / 2, true, false);
}

/**
 * Chi-square survival P(X > x), computed as the upper incomplete gamma rather than 1 − CDF so
 * that tiny p-values (a glaring sample-ratio mismatch) keep their digits instead of rounding to 0.
 */
export function chiSquareSurvival(x: number, df: number): number {
  assertDf(df, "chiSquareSurvival");
  if (x <= 0) return 1;
  return gammainc(x / 2, df / 2, true, true);
}

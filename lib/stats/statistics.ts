// Per-arm sufficient statistics, as gbstats's SampleMeanStatistic and ProportionStatistic hold them.
// A results query only has to produce sums; every test below works from these alone.

/** A metric with arbitrary values: n units, Σx and Σx². */
export interface SampleMeanStatistic {
  n: number;
  sum: number;
  sumSquares: number;
}

/**
 * A 0/1 metric (converted or not): n units and the number that converted. Its Σx² equals Σx, but
 * gbstats gives it the variance p(1 − p) rather than the n − 1 form, so pass binary metrics in this
 * shape to get gbstats's figures.
 */
export interface ProportionStatistic {
  n: number;
  sum: number;
}

export type ArmStatistic = SampleMeanStatistic | ProportionStatistic;

export function isSampleMean(stat: ArmStatistic): stat is SampleMeanStatistic {
  return "sumSquares" in stat;
}

/** Σx² of either kind (for a proportion it is Σx, since x² = x). */
export function sumSquaresOf(stat: ArmStatistic): number {
  return isSampleMean(stat) ? stat.sumSquares : stat.sum;
}

// Impossible inputs are bugs upstream (a broken query), not data conditions, so they throw; an
// empty arm (n = 0) is a data condition and the tests answer it with their default output.
export function assertArmStatistic(stat: ArmStatistic, label: string): void {
  if (!Number.isFinite(stat.n) || stat.n < 0)
    throw new RangeError(`${label}: n must be a finite number ≥ 0, got ${stat.n}`);
  if (!Number.isFinite(stat.sum)) throw new RangeError(`${label}: sum must be finite, got ${stat.sum}`);
  if (isSampleMean(stat)) {
    if (!Number.isFinite(stat.sumSquares) || stat.sumSquares < 0) {
      throw new RangeError(`${label}: sumSquares must be a finite number ≥ 0, got ${stat.sumSquares}`);
    }
  } else if (stat.sum < 0 || stat.sum > stat.n) {
    throw new RangeError(`${label}: a proportion's sum must lie in [0, n], got ${stat.sum} of ${stat.n}`);
  }
}

/** Σx / n, and 0 for an empty arm (as gbstats). */
export function armMean(stat: ArmStatistic): number {
  return stat.n === 0 ? 0 : stat.sum / stat.n;
}

/**
 * Per-unit variance as gbstats computes it: p(1 − p) for a proportion; for a sample mean the
 * unbiased (Σx² − (Σx)²/n) / (n − 1), and 0 when n ≤ 1 (no spread can be estimated). It may come
 * out slightly negative from rounding when all values are equal; the tests treat ≤ 0 as zero.
 */
export function armVariance(stat: ArmStatistic): number {
  if (!isSampleMean(stat)) {
    const p = armMean(stat);
    return p * (1 - p);
  }
  if (stat.n <= 1) return 0;
  return (stat.sumSquares - (stat.sum * stat.sum) / stat.n) / (stat.n - 1);
}

export function armStddev(stat: ArmStatistic): number {
  const variance = armVariance(stat);
  return variance <= 0 ? 0 : Math.sqrt(variance);
}

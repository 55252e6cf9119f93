// lib/stats: GrowthBook gbstats's frequentist and Bayesian tests on per-arm sufficient statistics,
// pure functions of plain data. See docs/decisions/020-stats-engine.md.
export {
  armMean,
  armStddev,
  armVariance,
  isSampleMean,
  sumSquaresOf,
  type ArmStatistic,
  type ProportionStatistic,
  type SampleMeanStatistic,
} from "./statistics";
export {
  absoluteEffect,
  effectOf,
  relativeEffect,
  varianceOfRatios,
  welchDegreesOfFreedom,
  type Effect,
} from "./effects";
export {
  DEFAULT_ALPHA,
  DEFAULT_SEQUENTIAL_TUNING,
  resolveOptions,
  type DifferenceType,
  type GaussianPrior,
  type ResolvedOptions,
  type Sides,
  type StatsOptions,
} from "./options";
export {
  defaultBayesianResult,
  defaultFrequentistResult,
  STATS_ERROR,
  type BayesianResult,
  type FrequentistResult,
  type Risk,
  type StatsErrorMessage,
  type Uplift,
} from "./results";
export { frequentistTest } from "./frequentist";
export {
  SEQUENTIAL_ONE_SIDED_MAX_P,
  SEQUENTIAL_ONE_SIDED_MIN_P,
  sequentialHalfwidth,
  sequentialHalfwidthOneSided,
  sequentialOneSidedPValue,
  sequentialPValue,
  sequentialRho,
} from "./sequential";
export { bayesianTest, gaussianRisk } from "./bayesian";
export {
  chiSquareGoodnessOfFit,
  SRM_P_VALUE_THRESHOLD,
  srmCheck,
  type ChiSquareResult,
  type SrmCheckResult,
} from "./srm";
export {
  chiSquareCdf,
  chiSquareSurvival,
  normalCdf,
  normalPdf,
  normalQuantile,
  studentTCdf,
  studentTQuantile,
} from "./distributions";

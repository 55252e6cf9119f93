// The plain-words reading of one metric's test, with the thresholds it uses (docs/decisions/081-results-verdicts.md).
import type { Engine, TestResult, Verdict, VerdictCode } from "../../schemas/results";

/** Two-sided significance level: intervals are 95%, a p-value below it is significant. */
export const ALPHA = 0.05;
/** Bayesian: chance to win at or above this is "Likely better", at or below 1 − it "Likely worse". */
export const CHANCE_TO_WIN_THRESHOLD = 0.95;
/** Fewer units than this in either arm (for the metric) is "Not enough data", whatever the test says. */
export const MIN_USERS_PER_ARM = 100;
/** A triggered metric needs at least this many conversions across both arms. */
export const MIN_CONVERSIONS = 20;

export const VERDICT_LABELS: Record<VerdictCode, string> = {
  better: "Likely better",
  worse: "Likely worse",
  inconclusive: "No clear difference yet",
  not_enough_data: "Not enough data",
};

const verdictOf = (code: VerdictCode): Verdict => ({
  code,
  label: VERDICT_LABELS[code],
  significant: code === "better" || code === "worse",
});

export interface VerdictInput {
  engine: Engine;
  test: TestResult;
  controlN: number;
  treatmentN: number;
  /** Conversions in both arms, for a triggered metric; null for a value metric. */
  conversions: number | null;
}

export function verdictFor({ engine, test, controlN, treatmentN, conversions }: VerdictInput): Verdict {
  if (Math.min(controlN, treatmentN) < MIN_USERS_PER_ARM) return verdictOf("not_enough_data");
  if (conversions !== null && conversions < MIN_CONVERSIONS) return verdictOf("not_enough_data");
  if (test.errorMessage !== null) return verdictOf("not_enough_data");
  if (engine === "frequentist") {
    if (test.pValue !== null && test.pValue < ALPHA) return verdictOf(test.expected > 0 ? "better" : "worse");
    return verdictOf("inconclusive");
  }
  const chance = test.chanceToWin ?? 0.5;
  if (chance >= CHANCE_TO_WIN_THRESHOLD) return verdictOf("better");
  if (chance <= 1 - CHANCE_TO_WIN_THRESHOLD) return verdictOf("worse");
  return verdictOf("inconclusive");
}

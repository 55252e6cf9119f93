// From the statements' grouped rows to the results document: sums per arm, the tests of lib/stats,
// verdicts, SRM and the daily series. Pure: no database, no clock.
import {
  bayesianTest,
  frequentistTest,
  SRM_P_VALUE_THRESHOLD,
  srmCheck,
  type ArmStatistic,
  type BayesianResult,
  type FrequentistResult,
} from "../../stats";
import type {
  ArmMetric,
  DailySeries,
  Engine,
  ExperienceResult,
  MetricResult,
  Results,
  TestResult,
} from "../../schemas/results";
import type { EventQueryRow } from "./event-query";
import { isValueMetric, type EventPlan, type MetricSpec } from "./metric-plan";
import { ALPHA, MIN_CONVERSIONS, MIN_USERS_PER_ARM, verdictFor } from "./verdict";

export type Arm = "control" | "treatment";
const ARMS: readonly Arm[] = ["control", "treatment"];

/** The key of the total row among experience ids. */
const TOTAL = "\u0000total";

interface Sums {
  n: number;
  sum: number;
  sumSquares: number;
}

interface ArmTotals {
  users: number;
  converted: number;
  /** By metric index. */
  values: Map<number, Sums>;
}

type GroupTotals = Map<string, Record<Arm, ArmTotals>>;

const emptyArm = (): ArmTotals => ({ users: 0, converted: 0, values: new Map() });

export interface AssembleInput {
  personalization: Results["personalization"];
  experiences: readonly { id: string; name: string }[];
  /** Already in results order: primary first. */
  metrics: readonly MetricSpec[];
  plans: readonly EventPlan[];
  /** `rows[i]` answers `plans[i]`. */
  rows: readonly (readonly EventQueryRow[])[];
  engine: Engine;
  range: { from: Date | null; to: Date };
  timezone: string;
  generatedAt: Date;
}

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/** Adds one plan's rows grouped by exposure day (set 1) into per-experience and total sums. */
function totalsOf(plan: EventPlan, rows: readonly EventQueryRow[]): GroupTotals {
  const groups: GroupTotals = new Map();
  const add = (key: string, row: EventQueryRow) => {
    let group = groups.get(key);
    if (!group) {
      group = { control: emptyArm(), treatment: emptyArm() };
      groups.set(key, group);
    }
    const arm = group[row.arm];
    arm.users += num(row.users);
    arm.converted += num(row.converted);
    for (const column of plan.values) {
      const sums = arm.values.get(column.index) ?? { n: 0, sum: 0, sumSquares: 0 };
      sums.n += num(row[`m${column.index}_n`]);
      sums.sum += num(row[`m${column.index}_sum`]);
      sums.sumSquares += num(row[`m${column.index}_sum_squares`]);
      arm.values.set(column.index, sums);
    }
  };
  for (const row of rows) {
    if (num(row.set_id) !== 1) continue;
    add(row.experience_id, row);
    if (row.earliest) add(TOTAL, row);
  }
  return groups;
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function testFor(engine: Engine, control: ArmStatistic, treatment: ArmStatistic): TestResult {
  if (engine === "frequentist") {
    const result: FrequentistResult = frequentistTest(control, treatment, { differenceType: "relative", alpha: ALPHA });
    return {
      expected: result.expected,
      ci: [finiteOrNull(result.ci[0]), finiteOrNull(result.ci[1])],
      stddev: result.uplift.stddev,
      pValue: result.pValue,
      chanceToWin: null,
      risk: null,
      errorMessage: result.errorMessage,
    };
  }
  const result: BayesianResult = bayesianTest(control, treatment, { differenceType: "relative", alpha: ALPHA });
  return {
    expected: result.expected,
    ci: [finiteOrNull(result.ci[0]), finiteOrNull(result.ci[1])],
    stddev: result.uplift.stddev,
    pValue: null,
    chanceToWin: result.chanceToWin,
    risk: result.risk,
    errorMessage: result.errorMessage,
  };
}

function armMetric(users: number, stat: ArmStatistic): ArmMetric {
  const sumSquares = "sumSquares" in stat ? stat.sumSquares : null;
  return { users, n: stat.n, missing: users - stat.n, sum: stat.sum, sumSquares, mean: stat.n === 0 ? 0 : stat.sum / stat.n };
}

function srmFor(control: number, treatment: number, controlPercent: number): ExperienceResult["srm"] {
  if (!(controlPercent > 0 && controlPercent < 100) || control + treatment === 0) return null;
  const share = controlPercent / 100;
  const { pValue, warning } = srmCheck(control, treatment, share);
  return { pValue, warning, expectedControlShare: share, observedControlShare: control / (control + treatment) };
}

function experienceResult(
  input: AssembleInput,
  experienceId: string | null,
  name: string,
  perPlan: readonly GroupTotals[],
): ExperienceResult {
  const key = experienceId ?? TOTAL;
  const planIndex = new Map(input.plans.map((plan, i) => [plan.event, i]));
  const armsOf = (event: string | null): Record<Arm, ArmTotals> => {
    const totals = perPlan[planIndex.get(event) ?? 0]?.get(key);
    return totals ?? { control: emptyArm(), treatment: emptyArm() };
  };
  const users = armsOf(input.plans[0]?.event ?? null);

  const metrics: MetricResult[] = input.metrics.map((metric, index) => {
    const arms = armsOf(metric.event);
    const [control, treatment] = ARMS.map((arm) => {
      const totals = arms[arm];
      if (!isValueMetric(metric)) return { n: totals.users, sum: totals.converted } satisfies ArmStatistic;
      return totals.values.get(index) ?? { n: 0, sum: 0, sumSquares: 0 };
    });
    const test = testFor(input.engine, control, treatment);
    return {
      metricId: metric.id,
      control: armMetric(arms.control.users, control),
      treatment: armMetric(arms.treatment.users, treatment),
      test,
      verdict: verdictFor({
        engine: input.engine,
        test,
        controlN: control.n,
        treatmentN: treatment.n,
        conversions: isValueMetric(metric) ? null : control.sum + treatment.sum,
      }),
    };
  });

  return {
    experienceId,
    name,
    users: { control: users.control.users, treatment: users.treatment.users },
    srm: srmFor(users.control.users, users.treatment.users, input.personalization.controlPercent),
    metrics,
  };
}

/** `YYYY-MM-DD` + 1 day. */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** At most this many days in a series (ten years); a wider range keeps its last days. */
const MAX_SERIES_DAYS = 3660;

function dailySeries(input: AssembleInput, order: readonly (string | null)[]): DailySeries[] {
  const planIndex = input.plans.findIndex((plan) => plan.series);
  const rows = planIndex >= 0 ? input.rows[planIndex] : [];
  // counts[group][arm][day] = [new users, conversions]
  const counts = new Map<string, Record<Arm, Map<string, [number, number]>>>();
  const days = new Set<string>();
  const bump = (key: string, arm: Arm, day: string, slot: 0 | 1, by: number) => {
    let group = counts.get(key);
    if (!group) {
      group = { control: new Map(), treatment: new Map() };
      counts.set(key, group);
    }
    const cell = group[arm].get(day) ?? [0, 0];
    cell[slot] += by;
    group[arm].set(day, cell);
    days.add(day);
  };
  for (const row of rows) {
    if (row.day === null) continue;
    const slot = num(row.set_id) === 1 ? 0 : 1;
    bump(row.experience_id, row.arm, row.day, slot, num(row.users));
    if (row.earliest) bump(TOTAL, row.arm, row.day, slot, num(row.users));
  }
  const sorted = [...days].sort();
  const axis: string[] = [];
  if (sorted.length > 0) {
    for (let day = sorted[0]; day <= sorted[sorted.length - 1]; day = nextDay(day)) axis.push(day);
  }
  const shown = axis.slice(-MAX_SERIES_DAYS);

  return order.map((experienceId) => {
    const group = counts.get(experienceId ?? TOTAL);
    const running = { control: { users: 0, converted: 0 }, treatment: { users: 0, converted: 0 } };
    const points: DailySeries["points"] = [];
    for (const day of axis) {
      const point = { date: day } as DailySeries["points"][number];
      for (const arm of ARMS) {
        const [newUsers, conversions] = group?.[arm].get(day) ?? [0, 0];
        running[arm].users += newUsers;
        running[arm].converted += conversions;
        point[arm] = {
          newUsers,
          conversions,
          users: running[arm].users,
          converted: running[arm].converted,
          conversionRate: running[arm].users === 0 ? null : running[arm].converted / running[arm].users,
        };
      }
      if (day >= shown[0]) points.push(point);
    }
    return { experienceId, points };
  });
}

export function assembleResults(input: AssembleInput): Results {
  const perPlan = input.plans.map((plan, i) => totalsOf(plan, input.rows[i] ?? []));
  const known = new Set(input.experiences.map((e) => e.id));
  const seen = new Set<string>();
  for (const groups of perPlan) for (const key of groups.keys()) if (key !== TOTAL && !known.has(key)) seen.add(key);
  // Exposures of an experience deleted since still count in the total; they are listed after the others.
  const experiences = [
    ...input.experiences,
    ...[...seen].sort().map((id) => ({ id, name: `Deleted experience ${id}` })),
  ];

  return {
    personalization: input.personalization,
    range: { from: input.range.from?.toISOString() ?? null, to: input.range.to.toISOString(), timezone: input.timezone },
    engine: input.engine,
    metrics: input.metrics.map((m) => ({
      id: m.id,
      event: m.event,
      measure: m.measure,
      property: m.property,
      aggregation: m.aggregation,
      primary: m.primary,
    })),
    experiences: experiences.map((e) => experienceResult(input, e.id, e.name, perPlan)),
    total: experienceResult(input, null, "All experiences", perPlan),
    daily: dailySeries(input, [null, ...experiences.map((e) => e.id)]),
    thresholds: { alpha: ALPHA, minUsersPerArm: MIN_USERS_PER_ARM, minConversions: MIN_CONVERSIONS, srmPValue: SRM_P_VALUE_THRESHOLD },
    generatedAt: input.generatedAt.toISOString(),
  };
}

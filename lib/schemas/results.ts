import { z } from "zod";
import "zod-openapi";
import { isoDateTime } from "./common";
import { AGGREGATIONS, MEASURES } from "./metrics";
import { PERSONALIZATION_STATUSES } from "./personalizations";

export const ENGINES = ["frequentist", "bayesian"] as const;
export type Engine = (typeof ENGINES)[number];

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const dateOrDateTime = z
  .string()
  .trim()
  .refine((value) => {
    if (DATE_ONLY.test(value)) {
      const d = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
    }
    return z.iso.datetime({ offset: true }).safeParse(value).success;
  }, "must be a date (YYYY-MM-DD, a day in the project's time zone) or an ISO 8601 date-time with a time zone, e.g. 2026-11-28T12:00:00Z");

/**
 * `GET …/results` and `…/results.csv`. A date is a whole day in the project's time zone: `from`
 * is the start of its day, `to` the end of its day. Both bound the first-exposure time; conversions
 * are counted up to `to`.
 */
export const resultsQuerySchema = z
  .object({
    from: dateOrDateTime.optional().meta({
      description: "Only users first exposed at or after this instant. Default: since the first exposure.",
      example: "2026-11-01",
    }),
    to: dateOrDateTime.optional().meta({
      description: "Only users first exposed, and events that happened, before this instant (a date: through the end of that day). Default: now.",
      example: "2026-11-28",
    }),
    engine: z
      .enum(ENGINES, { error: `must be one of ${ENGINES.join(", ")}` })
      .default("frequentist")
      .meta({ description: "`frequentist`: Welch t-test p-value; `bayesian`: chance to beat control and risk." }),
  })
  .meta({ id: "ResultsQuery" });
export type ResultsQuery = z.output<typeof resultsQuerySchema>;

const finiteOrNull = z.number().nullable();

/** Sufficient statistics of one arm for one metric, with the mean they give. */
export const armMetricSchema = z
  .object({
    users: z.number().int().meta({ description: "Users exposed in this arm." }),
    n: z.number().int().meta({ description: "Users counted in the metric (all exposed users, except for `first`, `last`, `avg`, `max`, `min`: only users with a value)." }),
    missing: z.number().int().meta({ description: "Exposed users left out for want of a value (`users − n`)." }),
    sum: z.number(),
    sumSquares: z.number().nullable().meta({ description: "Σx²; null for a triggered (0/1) metric, whose statistic is `{ n, sum }`." }),
    mean: z.number().meta({ description: "sum / n (a conversion rate for a triggered metric); 0 when n = 0." }),
  })
  .meta({ id: "ResultsArmMetric" });

export const VERDICTS = ["better", "worse", "inconclusive", "not_enough_data"] as const;
export type VerdictCode = (typeof VERDICTS)[number];

export const verdictSchema = z
  .object({
    code: z.enum(VERDICTS),
    label: z.string().meta({ example: "Likely better" }),
    significant: z.boolean().meta({ description: "True for `better` and `worse` only: the console shows the label only then." }),
  })
  .meta({ id: "ResultsVerdict" });

export const testResultSchema = z
  .object({
    expected: z.number().meta({ description: "Relative uplift of treatment over control: (mean T − mean C) / mean C." }),
    ci: z.tuple([finiteOrNull, finiteOrNull]).meta({ description: "95% interval of the relative uplift (delta method); null for an open side." }),
    stddev: z.number().meta({ description: "Standard error of the relative uplift." }),
    pValue: z.number().nullable().meta({ description: "Frequentist engine: Welch two-sided p-value." }),
    chanceToWin: z.number().nullable().meta({ description: "Bayesian engine: probability that treatment beats control." }),
    risk: z
      .object({ control: z.number(), treatment: z.number() })
      .nullable()
      .meta({ description: "Bayesian engine: expected relative loss of keeping control / of shipping treatment." }),
    errorMessage: z.string().nullable().meta({ description: "gbstats's code when the test could not be computed (e.g. `ZERO_NEGATIVE_VARIANCE`)." }),
  })
  .meta({ id: "ResultsTest" });

export const metricResultSchema = z
  .object({
    metricId: z.string(),
    control: armMetricSchema,
    treatment: armMetricSchema,
    test: testResultSchema,
    verdict: verdictSchema,
  })
  .meta({ id: "ResultsMetric" });

export const srmSchema = z
  .object({
    pValue: z.number(),
    warning: z.boolean().meta({ description: "p < 0.001: the split of users between the arms does not fit the configured control share." }),
    expectedControlShare: z.number(),
    observedControlShare: z.number().nullable(),
  })
  .meta({ id: "ResultsSrm" });

export const experienceResultSchema = z
  .object({
    experienceId: z.string().nullable().meta({ description: "null for the total row (all experiences, each user once)." }),
    name: z.string(),
    users: z.object({ control: z.number().int(), treatment: z.number().int() }),
    srm: srmSchema.nullable().meta({ description: "null when no control is configured or nobody was exposed." }),
    metrics: z.array(metricResultSchema).meta({ description: "Primary metric first." }),
  })
  .meta({ id: "ResultsExperience" });

export const dailyArmSchema = z
  .object({
    newUsers: z.number().int().meta({ description: "Users first exposed that day." }),
    conversions: z.number().int().meta({ description: "Users whose first attributed event of the primary metric happened that day." }),
    users: z.number().int().meta({ description: "Users exposed up to the end of that day." }),
    converted: z.number().int().meta({ description: "Of those, users converted by the end of that day." }),
    conversionRate: z.number().nullable().meta({ description: "converted / users (cumulative); null before the first exposure." }),
  })
  .meta({ id: "ResultsDailyArm" });

export const dailySeriesSchema = z
  .object({
    experienceId: z.string().nullable().meta({ description: "null: all experiences together." }),
    points: z.array(z.object({ date: z.string().meta({ example: "2026-11-28" }), control: dailyArmSchema, treatment: dailyArmSchema })),
  })
  .meta({ id: "ResultsDailySeries" });

export const resultsSchema = z
  .object({
    personalization: z.object({
      id: z.string(),
      name: z.string(),
      status: z.enum(PERSONALIZATION_STATUSES),
      controlPercent: z.number().int(),
    }),
    range: z.object({
      from: isoDateTime.nullable().meta({ description: "null: since the first exposure." }),
      to: isoDateTime,
      timezone: z.string().meta({ description: "The project's time zone, in which days are counted.", example: "Europe/Paris" }),
    }),
    engine: z.enum(ENGINES),
    metrics: z
      .array(
        z.object({
          id: z.string(),
          event: z.string(),
          measure: z.enum(MEASURES),
          property: z.string().nullable(),
          aggregation: z.enum(AGGREGATIONS).nullable(),
          primary: z.boolean(),
        }),
      )
      .meta({ description: "Primary metric first; every `metrics` list below follows this order." }),
    experiences: z.array(experienceResultSchema).meta({ description: "In priority order." }),
    total: experienceResultSchema,
    daily: z.array(dailySeriesSchema).meta({ description: "The total first, then each experience; days in the project's time zone." }),
    thresholds: z.object({
      alpha: z.number(),
      minUsersPerArm: z.number().int(),
      minConversions: z.number().int(),
      srmPValue: z.number(),
    }),
    generatedAt: isoDateTime,
  })
  .meta({ id: "Results" });
export type Results = z.output<typeof resultsSchema>;
export type ExperienceResult = z.output<typeof experienceResultSchema>;
export type MetricResult = z.output<typeof metricResultSchema>;
export type ArmMetric = z.output<typeof armMetricSchema>;
export type DailySeries = z.output<typeof dailySeriesSchema>;
export type Verdict = z.output<typeof verdictSchema>;
export type TestResult = z.output<typeof testResultSchema>;

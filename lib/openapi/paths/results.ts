import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { resultsQuerySchema, resultsSchema } from "../../schemas/results";
import { AUTH_ERRORS, PROJECT_PATH, errors, json } from "../common";
import { personalizationParams } from "./authoring-common";

const tags = ["Results"];
const BASE = `${PROJECT_PATH}/personalizations/{id}`;

const description =
  "Per experience, treatment against its own control (the controls who would have seen that experience): exposed users and, for every metric (primary first), each arm's sufficient statistics and mean, the relative uplift with its 95% interval (delta method), and the Welch p-value (`engine=frequentist`, the default) or the chance to beat control and risk (`engine=bayesian`), as GrowthBook's gbstats computes them; a plain-words verdict; a sample-ratio-mismatch check against the configured control share. A total row counts each user once, from their first exposure to any experience. The daily series (days in the project's time zone) gives new users and the cumulative conversion rate of the primary metric per arm. Conversions count from a user's first exposure to the experience up to `to`.";

export const resultsPaths: ZodOpenApiPathsObject = {
  [`${BASE}/results`]: {
    get: {
      tags,
      summary: "Results of a personalization",
      description,
      requestParams: { path: personalizationParams, query: resultsQuerySchema },
      responses: { "200": json(resultsSchema, "The results."), ...errors(400, 404, ...AUTH_ERRORS) },
    },
  },
  [`${BASE}/results.csv`]: {
    get: {
      tags,
      summary: "Results as CSV",
      description:
        "The same results as a CSV table with a header row: one row per experience (the total last), metric and arm — users, n, missing, sum, sum of squares, mean; on treatment rows the uplift, its interval, the p-value or chance to win and risk, and the verdict; the SRM p-value. Sent as an attachment.",
      requestParams: { path: personalizationParams, query: resultsQuerySchema },
      responses: {
        "200": {
          description: "The CSV file (`Content-Disposition: attachment`).",
          content: { "text/csv": { schema: z.string().meta({ example: "experience_id,experience,metric_id,…" }) } },
        },
        ...errors(400, 404, ...AUTH_ERRORS),
      },
    },
  },
};

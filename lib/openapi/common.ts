import { z } from "zod";
import type { ZodOpenApiResponsesObject } from "zod-openapi";
import { errorSchema } from "../schemas/common";

/** Every project-scoped path starts with this. */
export const PROJECT_PATH = "/api/v1/{orgName}/projects/{projectName}";

export const projectPathParams = z.object({
  orgName: z.string().meta({ description: "The organization's name.", example: "demo" }),
  projectName: z.string().meta({ description: "The project's name.", example: "shop" }),
});

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Malformed or invalid input; `details` names each bad field.",
  401: "No credential, or a credential that is not valid.",
  403: "The credential lacks the scope, the role or the project.",
  404: "Not found.",
  409: "Version conflict or duplicate; `details` carries the current version where there is one.",
  413: "The body is too large.",
  415: "The body is not JSON.",
  429: "Rate limited.",
  503: "The database is unavailable; retry after `Retry-After` seconds.",
};

/** Error responses in the JSON error shape. */
export function errors(...statuses: number[]): ZodOpenApiResponsesObject {
  const out: ZodOpenApiResponsesObject = {};
  for (const status of statuses) {
    out[String(status) as `${1 | 2 | 3 | 4 | 5}${string}`] = {
      description: ERROR_DESCRIPTIONS[status] ?? "Error.",
      content: { "application/json": { schema: errorSchema } },
    };
  }
  return out;
}

/** The errors any authenticated endpoint can answer. */
export const AUTH_ERRORS = [401, 403, 503] as const;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

import type { ZodOpenApiPathsObject } from "zod-openapi";

/** choose-api, track and preview. */
export const dataPlanePaths: ZodOpenApiPathsObject = {};

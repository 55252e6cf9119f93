import type { ZodOpenApiPathsObject } from "zod-openapi";

/** Personalizations, experiences, metrics, lifecycle, export/import and templates. */
export const authoringPaths: ZodOpenApiPathsObject = {};

import type { ZodOpenApiPathsObject } from "zod-openapi";

/** Selector groups, segments, test profiles, profiles, catalogs and the audit log. */
export const resourcePaths: ZodOpenApiPathsObject = {};

import type { ZodOpenApiPathsObject } from "zod-openapi";
import { groupPaths } from "./resources-groups";
import { segmentPaths } from "./resources-segments";
import { testProfilePaths } from "./resources-test-profiles";

/** Selector groups, segments, test profiles, profiles, catalogs and the audit log. */
export const resourcePaths: ZodOpenApiPathsObject = { ...groupPaths, ...segmentPaths, ...testProfilePaths };

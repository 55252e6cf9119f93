import type { ZodOpenApiPathsObject } from "zod-openapi";
import { dataPaths } from "./resources-data";
import { groupPaths } from "./resources-groups";
import { segmentPaths } from "./resources-segments";
import { testProfilePaths } from "./resources-test-profiles";

/** Selector groups, segments, test profiles, profiles, catalogs and the audit log. */
export const resourcePaths: ZodOpenApiPathsObject = { ...groupPaths, ...segmentPaths, ...testProfilePaths, ...dataPaths };

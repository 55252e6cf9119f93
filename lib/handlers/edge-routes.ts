import type { ApiHandler } from "../http/types";
import { healthHandler } from "./health";

/**
 * The data-plane routes the lean edge server serves (lib/edge/server.ts), as method + path pattern
 * (`:name` segments become `req.params`). The very same handlers back the Next.js route files.
 */
export interface EdgeRoute {
  method: string;
  pattern: string;
  handler: ApiHandler;
}

export const edgeRoutes: EdgeRoute[] = [{ method: "GET", pattern: "/api/health", handler: healthHandler }];

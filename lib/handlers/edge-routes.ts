import type { ApiHandler } from "../http/types";
import { chooseHandler } from "./choose";
import { healthHandler } from "./health";
import { sourceTrackHandler, trackHandler } from "./track";

/**
 * The data-plane routes the lean edge server serves (lib/edge/server.ts), as method + path pattern
 * (`:name` segments become `req.params`). The very same handlers back the Next.js route files.
 */
export interface EdgeRoute {
  method: string;
  pattern: string;
  handler: ApiHandler;
}

const PROJECT = "/api/v1/:orgName/projects/:projectName";

export const edgeRoutes: EdgeRoute[] = [
  { method: "GET", pattern: "/api/health", handler: healthHandler },
  { method: "POST", pattern: `${PROJECT}/optimization/choose-api`, handler: chooseHandler },
  { method: "POST", pattern: `${PROJECT}/track`, handler: trackHandler },
  { method: "POST", pattern: `${PROJECT}/sources/:sourceId/track`, handler: sourceTrackHandler },
];

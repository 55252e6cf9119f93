import { getDbHandle } from "../../db/connection";
import { checkHealth } from "../services/health/check-health";
import type { ApiHandler } from "../http/types";

/** GET /api/health — database reachability and migration state; 503 when the database is unavailable. */
export const healthHandler: ApiHandler = async () => {
  const health = await checkHealth(getDbHandle);
  const status = health.status === "unavailable" ? 503 : 200;
  return { status, headers: status === 503 ? { "retry-after": "5" } : undefined, body: health };
};

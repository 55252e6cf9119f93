import { getDbHandle } from "../../db/connection";
import type { DbHandle } from "../../db/client";
import { AppError } from "../errors";
import type { ApiHandler, ApiRequest, ApiResponse } from "./types";

/** For the few endpoints about the signed-in person rather than a project (e.g. `GET /api/v1/me`). */
export function withSession(handler: (req: ApiRequest, ctx: { userId: string; handle: DbHandle }) => Promise<ApiResponse>): ApiHandler {
  return async (req) => {
    const userId = req.sessionUserId ? await req.sessionUserId() : null;
    if (!userId) throw new AppError("unauthorized", "Sign in to the console first.");
    return handler(req, { userId, handle: await getDbHandle() });
  };
}

// GET, PATCH, DELETE …/sources/{sourceId} — read, rename, revoke an API key
import { getSourceHandler, renameSourceHandler, revokeSourceHandler } from "@/lib/handlers/sources";
import { route } from "@/lib/http/next";

export const GET = route(getSourceHandler);
export const PATCH = route(renameSourceHandler);
export const DELETE = route(revokeSourceHandler);

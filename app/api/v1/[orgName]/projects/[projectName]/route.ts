// GET, PATCH /api/v1/{org}/projects/{project} — the project's name and time zone
import { getProjectHandler, updateProjectHandler } from "@/lib/handlers/members";
import { route } from "@/lib/http/next";

export const GET = route(getProjectHandler);
export const PATCH = route(updateProjectHandler);

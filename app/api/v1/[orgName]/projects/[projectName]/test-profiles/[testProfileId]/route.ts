// GET, PATCH, DELETE …/test-profiles/{testProfileId} — read, edit, delete a test profile
import { deleteTestProfileHandler, getTestProfileHandler, updateTestProfileHandler } from "@/lib/handlers/test-profiles";
import { route } from "@/lib/http/next";

export const GET = route(getTestProfileHandler);
export const PATCH = route(updateTestProfileHandler);
export const DELETE = route(deleteTestProfileHandler);

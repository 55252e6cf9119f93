// GET, PATCH, DELETE …/personalizations/{id} — read; edit a partial document with its version; delete a draft
import { deletePersonalizationHandler, getPersonalizationHandler, updatePersonalizationHandler } from "@/lib/handlers/personalizations";
import { route } from "@/lib/http/next";

export const GET = route(getPersonalizationHandler);
export const PATCH = route(updatePersonalizationHandler);
export const DELETE = route(deletePersonalizationHandler);

// POST …/personalizations/{id}/start — validate everything at once, then run (or resume)
import { startPersonalizationHandler } from "@/lib/handlers/personalizations";
import { route } from "@/lib/http/next";

export const POST = route(startPersonalizationHandler);

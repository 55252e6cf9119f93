// POST …/personalizations/{id}/pause — stop serving until started again
import { pausePersonalizationHandler } from "@/lib/handlers/personalizations";
import { route } from "@/lib/http/next";

export const POST = route(pausePersonalizationHandler);

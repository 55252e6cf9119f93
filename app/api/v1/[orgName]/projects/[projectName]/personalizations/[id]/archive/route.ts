// POST …/personalizations/{id}/archive — stop serving and hide it, keeping its results
import { archivePersonalizationHandler } from "@/lib/handlers/personalizations";
import { route } from "@/lib/http/next";

export const POST = route(archivePersonalizationHandler);

// GET …/personalizations/{id}/export — the self-contained personalization document
import { exportPersonalizationHandler } from "@/lib/handlers/personalizations";
import { route } from "@/lib/http/next";

export const GET = route(exportPersonalizationHandler);

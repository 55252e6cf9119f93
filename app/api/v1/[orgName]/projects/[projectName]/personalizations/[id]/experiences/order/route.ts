// PUT …/personalizations/{id}/experiences/order — set the whole priority order at once
import { reorderExperiencesHandler } from "@/lib/handlers/experiences";
import { route } from "@/lib/http/next";

export const PUT = route(reorderExperiencesHandler);

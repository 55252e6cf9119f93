// POST …/personalizations/import — create or update (by selector) from an exported document
import { importPersonalizationHandler } from "@/lib/handlers/personalizations";
import { route } from "@/lib/http/next";

export const POST = route(importPersonalizationHandler);

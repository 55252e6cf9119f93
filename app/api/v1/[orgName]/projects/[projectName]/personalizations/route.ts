// GET, POST …/personalizations — list (filters status, group); create from a personalization document
import { createPersonalizationHandler, listPersonalizationsHandler } from "@/lib/handlers/personalizations";
import { route } from "@/lib/http/next";

export const GET = route(listPersonalizationsHandler);
export const POST = route(createPersonalizationHandler);

// GET, POST …/templates — list the saved payloads; save one
import { createTemplateHandler, listTemplatesHandler } from "@/lib/handlers/templates";
import { route } from "@/lib/http/next";

export const GET = route(listTemplatesHandler);
export const POST = route(createTemplateHandler);

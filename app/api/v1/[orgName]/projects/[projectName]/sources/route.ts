// GET, POST …/sources — list the project's API keys; create one (the whole key is returned once)
import { createSourceHandler, listSourcesHandler } from "@/lib/handlers/sources";
import { route } from "@/lib/http/next";

export const GET = route(listSourcesHandler);
export const POST = route(createSourceHandler);

// GET …/catalog/events — event names seen in the project, with counts
import { listCatalogEventsHandler } from "@/lib/handlers/catalog";
import { route } from "@/lib/http/next";

export const GET = route(listCatalogEventsHandler);

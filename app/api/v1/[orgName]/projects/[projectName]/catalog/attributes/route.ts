// GET …/catalog/attributes — attribute paths seen in the project, with their JSON types
import { listCatalogAttributesHandler } from "@/lib/handlers/catalog";
import { route } from "@/lib/http/next";

export const GET = route(listCatalogAttributesHandler);

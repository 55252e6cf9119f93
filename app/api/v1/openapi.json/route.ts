// GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the zod schemas
import { openApiHandler } from "@/lib/handlers/openapi";
import { route } from "@/lib/http/next";

export const GET = route(openApiHandler);

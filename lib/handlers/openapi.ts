import { openApiDocument } from "../openapi/document";
import type { ApiHandler } from "../http/types";

/** GET /api/v1/openapi.json — the API description; public, like the API reference page that renders it. */
export const openApiHandler: ApiHandler = async () => ({
  status: 200,
  headers: { "cache-control": "public, max-age=300" },
  body: openApiDocument(),
});

import { createDocument } from "zod-openapi";
import { accountPaths } from "./paths/account";
import { authoringPaths } from "./paths/authoring";
import { dataPlanePaths } from "./paths/data-plane";
import { healthPaths } from "./paths/health";
import { resourcePaths } from "./paths/resources";
import { resultsPaths } from "./paths/results";
import { sourcesPaths } from "./paths/sources";

/**
 * The OpenAPI 3.1 document of the whole API, generated from the same zod schemas the routes parse
 * with. Each area describes its paths in lib/openapi/paths/<area>.ts.
 */
let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument() {
  cached ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "Bespoke API",
      version: "1.0.0",
      description:
        "Server-side personalization. The data plane (`choose-api`, `track`) is called by your servers on every page view; the management API authors personalizations. Every path is under `/api/v1/{orgName}/projects/{projectName}`.",
    },
    servers: [{ url: "/", description: "This Bespoke instance" }],
    security: [{ basicAuth: [] }, { bearerAuth: [] }, { apiKeyHeader: [] }, { sessionCookie: [] }],
    components: {
      securitySchemes: {
        basicAuth: {
          type: "http",
          scheme: "basic",
          description: "`Authorization: Basic base64(prefix:secret)`, as Intempt's SDKs send it.",
        },
        bearerAuth: { type: "http", scheme: "bearer", description: "`Authorization: Bearer prefix.secret`." },
        apiKeyHeader: { type: "apiKey", in: "header", name: "X-API-Key", description: "`X-API-Key: prefix.secret`." },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The console's session (sign in at /sign-in); accepted on management endpoints for members of the project's organization.",
        },
      },
    },
    paths: { ...healthPaths, ...accountPaths, ...dataPlanePaths, ...authoringPaths, ...resourcePaths, ...sourcesPaths, ...resultsPaths },
  });
  return cached;
}

import fs from "node:fs";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./document";

// Every route file under app/api (but the document itself, next-auth's and the CLI's internal door)
// must be described, with each HTTP method it exports.
const UNDOCUMENTED = [/^\/api\/v1\/openapi\.json$/, /^\/api\/internal\//, /^\/api\/auth\//];

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

function declaredRoutes(): { path: string; method: string }[] {
  const appDir = path.join(process.cwd(), "app");
  return routeFiles(path.join(appDir, "api")).flatMap((file) => {
    const urlPath =
      "/" +
      path
        .relative(appDir, path.dirname(file))
        .split(path.sep)
        .map((seg) => seg.replace(/^\[(.+)\]$/, "{$1}"))
        .join("/");
    if (UNDOCUMENTED.some((re) => re.test(urlPath))) return [];
    const source = fs.readFileSync(file, "utf8");
    const methods = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1].toLowerCase());
    return methods.map((method) => ({ path: urlPath, method }));
  });
}

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const doc = structuredClone(openApiDocument());
    await expect(SwaggerParser.validate(doc as never)).resolves.toBeTruthy();
    expect(doc.openapi).toBe("3.1.0");
  });

  it("describes every route the app serves, with each of its methods", () => {
    const doc = openApiDocument();
    const routes = declaredRoutes();
    expect(routes.length).toBeGreaterThan(0);
    const missing = routes.filter((r) => !(doc.paths?.[r.path] as Record<string, unknown> | undefined)?.[r.method]);
    expect(missing).toEqual([]);
  });

  it("offers the three credential schemes and the console session", () => {
    const schemes = openApiDocument().components?.securitySchemes ?? {};
    expect(Object.keys(schemes).sort()).toEqual(["apiKeyHeader", "basicAuth", "bearerAuth", "sessionCookie"]);
  });
});

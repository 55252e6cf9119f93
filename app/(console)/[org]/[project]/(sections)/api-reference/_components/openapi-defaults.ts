// Fills the current org and project into the document's path parameters, so Swagger UI's
// "Try it out" starts with them instead of the document's example values.

export const OPENAPI_URL = "/api/v1/openapi.json";

export type OpenApiDocument = { paths?: Record<string, Record<string, unknown>> } & Record<string, unknown>;

type Parameter = { in?: string; name?: string; example?: unknown; schema?: Record<string, unknown> };

export function withProjectDefaults(doc: OpenApiDocument, org: string, project: string): OpenApiDocument {
  const values: Record<string, string> = { orgName: org, projectName: project };
  const fill = (params: unknown): unknown =>
    Array.isArray(params)
      ? params.map((p: Parameter) =>
          p && p.in === "path" && typeof p.name === "string" && p.name in values
            ? {
                ...p,
                example: values[p.name],
                schema: { ...p.schema, default: values[p.name], example: values[p.name] },
              }
            : p,
        )
      : params;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const next: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(item)) {
      next[key] =
        key === "parameters"
          ? fill(value)
          : value && typeof value === "object" && "parameters" in value
            ? { ...value, parameters: fill((value as { parameters: unknown }).parameters) }
            : value;
    }
    paths[path] = next;
  }
  return { ...doc, paths };
}

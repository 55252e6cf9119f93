import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";

const healthSchema = z
  .object({
    status: z.enum(["ok", "degraded", "unavailable"]),
    database: z.object({
      mode: z.enum(["postgres", "pglite", "unknown"]),
      reachable: z.boolean(),
      latencyMs: z.number().nullable(),
      error: z.string().optional(),
    }),
    migrations: z
      .object({ expected: z.number(), applied: z.number(), current: z.boolean(), latest: z.string().nullable(), pending: z.array(z.string()) })
      .nullable(),
  })
  .meta({ id: "Health" });

export const healthPaths: ZodOpenApiPathsObject = {
  "/api/health": {
    get: {
      tags: ["Operations"],
      summary: "Health",
      description: "Database reachability and migration state. No credential needed.",
      security: [],
      responses: {
        "200": { description: "Up (`degraded` while migrations are pending).", content: { "application/json": { schema: healthSchema } } },
        "503": { description: "The database is unavailable.", content: { "application/json": { schema: healthSchema } } },
      },
    },
  },
};

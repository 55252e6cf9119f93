import { z } from "zod";
import { SCOPES } from "../auth/api-keys";

export const scopeSchema = z.enum(SCOPES, { message: `must be one of ${SCOPES.join(", ")}` });

export const createSourceSchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  scopes: z
    .array(scopeSchema)
    .min(1, "needs at least one scope")
    .transform((scopes) => [...new Set(scopes)]),
});
export type CreateSourceInput = z.input<typeof createSourceSchema>;

export const updateSourceSchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
});

/** An API credential as the API shows it: never its secret or hash. */
export const sourceSchema = z.object({
  id: z.number().int().describe("The source id, also the `sourceId` of track calls."),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(scopeSchema),
  status: z.enum(["active", "revoked"]),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type Source = z.infer<typeof sourceSchema>;

/** The one response that carries the whole key; it is never shown again. */
export const createdSourceSchema = z.object({
  source: sourceSchema,
  key: z.string().describe("The whole key, `prefix.secret`. Store it now: it is shown only once."),
});

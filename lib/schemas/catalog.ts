import { z } from "zod";
import "zod-openapi";
import { isoDateTime } from "./common";

export const catalogQuerySchema = z.object({
  q: z.string().max(200, "must be at most 200 characters").optional().meta({ description: "A prefix; case-insensitive." }),
  limit: z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(1000, "must be at most 1000")
    .default(200)
    .meta({ description: "At most this many entries (default 200, max 1000)." }),
});
export type CatalogQuery = z.output<typeof catalogQuerySchema>;

export const catalogEventSchema = z
  .object({ name: z.string(), count: z.number().int(), firstSeenAt: isoDateTime, lastSeenAt: isoDateTime })
  .meta({ id: "CatalogEvent" });

export const catalogAttributeSchema = z
  .object({
    path: z.string().meta({ example: "user.plan" }),
    type: z.string().meta({ description: "The JSON type last seen: string, number, boolean, object, array or null." }),
    lastSeenAt: isoDateTime,
  })
  .meta({ id: "CatalogAttribute" });

export const catalogEventListSchema = z.object({ events: z.array(catalogEventSchema), hasMore: z.boolean() });
export const catalogAttributeListSchema = z.object({ attributes: z.array(catalogAttributeSchema), hasMore: z.boolean() });
export type CatalogEvent = z.infer<typeof catalogEventSchema>;
export type CatalogAttribute = z.infer<typeof catalogAttributeSchema>;

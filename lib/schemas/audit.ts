import { z } from "zod";
import "zod-openapi";
import { isoDateTime } from "./common";

export const MAX_AUDIT_LIMIT = 200;

export const auditQuerySchema = z.object({
  entity: z
    .string()
    .min(1, "must not be empty")
    .max(64, "must be at most 64 characters")
    .optional()
    .meta({ description: "Only entries about this kind of entity: personalization, experience, group, segment, test_profile, source…" }),
  id: z.string().min(1, "must not be empty").max(128, "must be at most 128 characters").optional().meta({ description: "Only entries about the entity with this id." }),
  limit: z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_AUDIT_LIMIT, `must be at most ${MAX_AUDIT_LIMIT}`)
    .default(50),
  before: z.coerce
    .number({ message: "must be a number (the nextBefore of the previous page)" })
    .int("must be a whole number")
    .positive("must be positive")
    .optional()
    .meta({ description: "The `nextBefore` of the previous page: entries older than it." }),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    actor: z.object({
      type: z.enum(["user", "key", "system"]),
      id: z.string().nullable().meta({ description: "The user id, or the source id of an API key." }),
      label: z.string().nullable().meta({ description: 'The user\'s email, or "API key <prefix>".' }),
    }),
    action: z.string().meta({ example: "segment.update" }),
    entity: z.object({ type: z.string(), id: z.string() }),
    before: z.unknown().meta({ description: "The entity before the change (null for a creation)." }),
    after: z.unknown().meta({ description: "The entity after the change (null for a deletion)." }),
    whileRunning: z.boolean().meta({ description: "The change touched a personalization while it served traffic." }),
    requestId: z.string().nullable(),
    createdAt: isoDateTime,
  })
  .meta({ id: "AuditEntry" });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListSchema = z.object({
  entries: z.array(auditEntrySchema).meta({ description: "Newest first." }),
  nextBefore: z.number().int().nullable().meta({ description: "Pass as `before` for the next (older) page; null on the last page." }),
});

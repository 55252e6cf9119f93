import type { sources } from "../../../db/schema";
import type { Scope } from "../../auth/api-keys";
import type { Source } from "../../schemas/sources";

export function toSourceView(row: typeof sources.$inferSelect): Source {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as Scope[],
    status: row.revokedAt ? "revoked" : "active",
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

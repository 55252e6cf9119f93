import { integer, pgTable, text, uniqueIndex, index } from "drizzle-orm/pg-core";
import { createdAt, tz } from "./_columns";
import { projects } from "./projects";
import { users } from "./users";

/**
 * An API credential of a project, `prefix.secret`. The numeric `id` is the Intempt-style `sourceId`
 * (it appears in `sources/{sourceId}/track` and in `identification.sourceId`). Only a SHA-256 hash
 * of the secret is kept; the whole key is shown once, when it is created.
 */
export const sources = pgTable(
  "sources",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    scopes: text("scopes").array().notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    lastUsedAt: tz("last_used_at"),
    revokedAt: tz("revoked_at"),
  },
  (t) => [uniqueIndex("sources_prefix_key").on(t.prefix), index("sources_project_idx").on(t.projectId)],
);

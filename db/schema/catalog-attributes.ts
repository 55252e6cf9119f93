import { pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { tz } from "./_columns";

/** Attribute paths seen in a project (`user.plan`, `account.tier`, event `properties.amount`) and their JSON type. */
export const catalogAttributes = pgTable(
  "catalog_attributes",
  {
    projectId: text("project_id").notNull(),
    path: text("path").notNull(),
    type: text("type").notNull(),
    lastSeenAt: tz("last_seen_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.path] })],
);

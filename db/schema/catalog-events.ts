import { bigint, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { tz } from "./_columns";

/** Event names seen in a project, for autocompletion in the audience builder and metrics. */
export const catalogEvents = pgTable(
  "catalog_events",
  {
    projectId: text("project_id").notNull(),
    name: text("name").notNull(),
    count: bigint("count", { mode: "number" }).notNull().default(0),
    firstSeenAt: tz("first_seen_at").notNull().defaultNow(),
    lastSeenAt: tz("last_seen_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.name] })],
);

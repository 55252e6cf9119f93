import { pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, idColumn, updatedAt } from "./_columns";
import { organizations } from "./organizations";

/** A project of an organization; schedules are evaluated in its IANA `timezone`. */
export const projects = pgTable(
  "projects",
  {
    id: idColumn("prj"),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    timezone: text("timezone").notNull().default("UTC"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("projects_org_name_key").on(t.orgId, t.name)],
);

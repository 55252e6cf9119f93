import { pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, idColumn, updatedAt } from "./_columns";
import { projects } from "./projects";

/** A named set of personalizations; asking choose-api for a group returns every running member. */
export const selectorGroups = pgTable(
  "selector_groups",
  {
    id: idColumn("grp"),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("selector_groups_project_name_key").on(t.projectId, t.name)],
);

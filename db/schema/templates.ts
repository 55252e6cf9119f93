import { jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, idColumn, updatedAt } from "./_columns";
import { projects } from "./projects";

/** A saved, named JSON payload that a new experience can start from. */
export const templates = pgTable(
  "templates",
  {
    id: idColumn("tpl"),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    payload: jsonb("payload").$type<unknown>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("templates_project_name_key").on(t.projectId, t.name)],
);

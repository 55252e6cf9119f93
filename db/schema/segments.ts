import { jsonb, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, idColumn, updatedAt } from "./_columns";
import { projects } from "./projects";

export const segmentTypeEnum = pgEnum("segment_type", ["rule", "static"]);

/**
 * A reusable audience, referenced from conditions as `{"$segment": key}`: a saved condition (`rule`)
 * or a list of user ids (`static`, members in `segment_members`).
 */
export const segments = pgTable(
  "segments",
  {
    id: idColumn("seg"),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    type: segmentTypeEnum("type").notNull(),
    condition: jsonb("condition").$type<Record<string, unknown> | null>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("segments_project_key_key").on(t.projectId, t.key)],
);

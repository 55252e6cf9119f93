import { integer, pgEnum, pgTable, text, uniqueIndex, index } from "drizzle-orm/pg-core";
import { createdAt, idColumn, tz, updatedAt } from "./_columns";
import { projects } from "./projects";

export const personalizationStatusEnum = pgEnum("personalization_status", ["draft", "running", "paused", "archived"]);
export const personalizationTypeEnum = pgEnum("personalization_type", ["server_side"]);

/**
 * A set of experiences organised around one goal, asked for by `selector` in choose-api.
 * `version` is bumped by every write (optimistic concurrency); `controlPercent` is 0–99.
 */
export const personalizations = pgTable(
  "personalizations",
  {
    id: idColumn("per"),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    selector: text("selector").notNull(),
    type: personalizationTypeEnum("type").notNull().default("server_side"),
    status: personalizationStatusEnum("status").notNull().default("draft"),
    controlPercent: integer("control_percent").notNull().default(5),
    version: integer("version").notNull().default(1),
    startedAt: tz("started_at"),
    pausedAt: tz("paused_at"),
    archivedAt: tz("archived_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("personalizations_project_selector_key").on(t.projectId, t.selector),
    index("personalizations_project_status_idx").on(t.projectId, t.status),
  ],
);

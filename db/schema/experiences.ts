import { integer, jsonb, pgEnum, pgTable, text, index } from "drizzle-orm/pg-core";
import { createdAt, idColumn, updatedAt } from "./_columns";
import { personalizations } from "./personalizations";
import { projects } from "./projects";

export const frequencyEnum = pgEnum("display_frequency", ["always", "once", "once_per_visit"]);
export const devicesEnum = pgEnum("target_devices", ["all", "mobile", "desktop"]);

/**
 * One JSON payload with its own audience (a SPEC §3 condition, null until set up), display rules and
 * schedule (SPEC §4). `priority` 1 is the highest. Its status (`needs_setup` / `ready`) is derived
 * from the audience, never stored.
 */
export const experiences = pgTable(
  "experiences",
  {
    id: idColumn("exp"),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    personalizationId: text("personalization_id")
      .notNull()
      .references(() => personalizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    priority: integer("priority").notNull(),
    payload: jsonb("payload").$type<unknown>(),
    audience: jsonb("audience").$type<Record<string, unknown> | null>(),
    frequency: frequencyEnum("frequency").notNull().default("always"),
    devices: devicesEnum("devices").notNull().default("all"),
    schedule: jsonb("schedule").$type<Record<string, unknown> | null>(),
    templateId: text("template_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("experiences_personalization_priority_idx").on(t.personalizationId, t.priority)],
);

import { jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, idColumn, tz, updatedAt } from "./_columns";
import { projects } from "./projects";

/** A simulated past event of a test profile; `ago` is relative to the preview instant. */
export type TestProfileEvent = {
  name: string;
  properties?: Record<string, unknown>;
  ago: { days?: number; hours?: number; minutes?: number };
};

/** A saved, fictional visitor used to preview decisions in the console. */
export const testProfiles = pgTable(
  "test_profiles",
  {
    id: idColumn("tpr"),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    userId: text("user_id"),
    attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull().default({}),
    accountAttributes: jsonb("account_attributes").$type<Record<string, unknown>>().notNull().default({}),
    requestAttributes: jsonb("request_attributes").$type<Record<string, unknown>>().notNull().default({}),
    events: jsonb("events").$type<TestProfileEvent[]>().notNull().default([]),
    segments: text("segments").array().notNull().default([]),
    device: text("device"),
    userAgent: text("user_agent"),
    url: text("url"),
    referrer: text("referrer"),
    sessionId: text("session_id"),
    instant: tz("instant"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("test_profiles_project_name_key").on(t.projectId, t.name)],
);

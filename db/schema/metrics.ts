import { boolean, integer, pgEnum, pgTable, text, index, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt, idColumn } from "./_columns";
import { personalizations } from "./personalizations";
import { projects } from "./projects";

export const measureEnum = pgEnum("metric_measure", ["triggered", "value"]);
export const aggregationEnum = pgEnum("metric_aggregation", ["first", "last", "sum", "avg", "max", "min"]);

/** A conversion goal of a personalization. At most one is primary (enforced by a partial unique index). */
export const metrics = pgTable(
  "metrics",
  {
    id: idColumn("met"),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    personalizationId: text("personalization_id")
      .notNull()
      .references(() => personalizations.id, { onDelete: "cascade" }),
    event: text("event").notNull(),
    measure: measureEnum("measure").notNull(),
    property: text("property"),
    aggregation: aggregationEnum("aggregation"),
    primary: boolean("is_primary").notNull().default(false),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index("metrics_personalization_idx").on(t.personalizationId, t.position),
    uniqueIndex("metrics_one_primary_key").on(t.personalizationId).where(sql`${t.primary}`),
  ],
);

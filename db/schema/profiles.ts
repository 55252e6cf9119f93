import { integer, jsonb, pgTable, text, index, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt, idColumn, tz, updatedAt } from "./_columns";
import { projects } from "./projects";

/**
 * One visitor. `id` is the internal id (the control-bucketing unit). A known user has a `userId`;
 * anonymous device ids live in `profile_ids`. `visitId`/`lastActivityAt` track the current visit
 * for `once_per_visit` when a request carries no session id. A profile merged into another keeps a
 * pointer in `mergedIntoId` so late writes under the old id can be redirected.
 */
export const profiles = pgTable(
  "profiles",
  {
    id: idColumn("prf"),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    userId: text("user_id"),
    accountId: text("account_id"),
    sourceId: integer("source_id"),
    attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull().default({}),
    accountAttributes: jsonb("account_attributes").$type<Record<string, unknown>>().notNull().default({}),
    visitId: text("visit_id"),
    lastActivityAt: tz("last_activity_at"),
    mergedIntoId: text("merged_into_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("profiles_project_user_key").on(t.projectId, t.userId).where(sql`${t.userId} is not null`),
    index("profiles_project_account_idx").on(t.projectId, t.accountId),
    // Finding the profiles merged into one (profile lookup, identity merges) without a scan.
    index("profiles_merged_into_idx").on(t.mergedIntoId).where(sql`${t.mergedIntoId} is not null`),
  ],
);

import { bigint, jsonb, pgTable, text, index, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { tz } from "./_columns";

/**
 * Something a profile did. `eventId` is the client's idempotency key, unique per project: a retried
 * event is stored once. Hot tables carry no foreign keys to keep writes cheap; the project id is on
 * every row and every index starts with it.
 */
export const events = pgTable(
  "events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    projectId: text("project_id").notNull(),
    profileId: text("profile_id").notNull(),
    eventId: text("event_id").notNull(),
    name: text("name").notNull(),
    properties: jsonb("properties").$type<Record<string, unknown>>().notNull().default({}),
    sessionId: text("session_id"),
    occurredAt: tz("occurred_at").notNull(),
    receivedAt: tz("received_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("events_project_event_id_key").on(t.projectId, t.eventId),
    index("events_project_profile_name_time_idx").on(t.projectId, t.profileId, t.name, t.occurredAt),
    // Results (lib/services/analytics): one event's occurrences in profile order, index-only, to merge
    // with the exposed users. Profile ids in byte order ("C"): sorting and comparing them is then a
    // memcmp whatever the database's collation. See docs/decisions/080-results-sql.md.
    index("events_results_idx").on(t.projectId, t.name, sql`${t.profileId} collate "C"`, t.occurredAt),
  ],
);

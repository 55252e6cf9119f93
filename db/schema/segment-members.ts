import { pgTable, primaryKey, text, index } from "drizzle-orm/pg-core";
import { createdAt } from "./_columns";
import { segments } from "./segments";

/** A user id listed in a static segment. Looked up by (project, userId) on every decision. */
export const segmentMembers = pgTable(
  "segment_members",
  {
    // No foreign key to projects: rows go with their segment (which cascades from its project),
    // and checking a second key per row doubled the time of a 100 000-row CSV upload.
    projectId: text("project_id").notNull(),
    segmentId: text("segment_id")
      .notNull()
      .references(() => segments.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.segmentId, t.userId] }),
    index("segment_members_project_user_idx").on(t.projectId, t.userId),
  ],
);

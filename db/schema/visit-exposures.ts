import { pgTable, primaryKey, text, index } from "drizzle-orm/pg-core";
import { tz } from "./_columns";

/** An exposure within one visit; its primary key is the atomic claim of a `once_per_visit` display. */
export const visitExposures = pgTable(
  "visit_exposures",
  {
    projectId: text("project_id").notNull(),
    experienceId: text("experience_id").notNull(),
    profileId: text("profile_id").notNull(),
    visitId: text("visit_id").notNull(),
    createdAt: tz("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.experienceId, t.profileId, t.visitId] }),
    index("visit_exposures_profile_idx").on(t.profileId),
  ],
);

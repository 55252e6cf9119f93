import { pgTable, primaryKey, text, index } from "drizzle-orm/pg-core";
import { createdAt } from "./_columns";

/** An anonymous `profileId` (device id) of a profile; one profile may have several. */
export const profileIds = pgTable(
  "profile_ids",
  {
    projectId: text("project_id").notNull(),
    value: text("value").notNull(),
    profileId: text("profile_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.value] }), index("profile_ids_profile_idx").on(t.profileId)],
);

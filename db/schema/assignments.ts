import { pgTable, primaryKey, text, index } from "drizzle-orm/pg-core";
import { tz } from "./_columns";
import { armEnum } from "./exposures";

/**
 * The sticky arm of a profile in a personalization: once assigned, it is kept even if the control
 * percentage changes later, and it follows the profile through an identity merge.
 */
export const assignments = pgTable(
  "assignments",
  {
    projectId: text("project_id").notNull(),
    personalizationId: text("personalization_id").notNull(),
    profileId: text("profile_id").notNull(),
    arm: armEnum("arm").notNull(),
    createdAt: tz("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.personalizationId, t.profileId] }),
    index("assignments_profile_idx").on(t.profileId),
  ],
);

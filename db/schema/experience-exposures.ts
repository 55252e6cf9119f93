import { pgTable, primaryKey, text, index } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { tz } from "./_columns";
import { armEnum } from "./exposures";

/**
 * The first exposure of a profile to an experience, one row per (experience, profile). Inserting it
 * with ON CONFLICT DO NOTHING is how a `once` display is claimed atomically; analytics attribute
 * conversions from `firstAt`.
 */
export const experienceExposures = pgTable(
  "experience_exposures",
  {
    projectId: text("project_id").notNull(),
    personalizationId: text("personalization_id").notNull(),
    experienceId: text("experience_id").notNull(),
    profileId: text("profile_id").notNull(),
    arm: armEnum("arm").notNull(),
    firstAt: tz("first_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.experienceId, t.profileId] }),
    index("experience_exposures_project_personalization_idx").on(t.projectId, t.personalizationId, t.firstAt),
    index("experience_exposures_profile_idx").on(t.profileId),
    // Results: a personalization's exposed users in the order the results read them — profile (byte
    // order, like events_results_idx), arm, first exposure, experience — with everything they need,
    // index-only and never sorted; see docs/decisions/080-results-sql.md.
    index("experience_exposures_results_idx").on(
      t.projectId,
      t.personalizationId,
      sql`${t.profileId} collate "C"`,
      t.arm,
      t.firstAt,
      sql`${t.experienceId} collate "C"`,
    ),
  ],
);

import { bigint, pgEnum, pgTable, text, index } from "drizzle-orm/pg-core";
import { tz } from "./_columns";

export const armEnum = pgEnum("arm", ["treatment", "control"]);

/** Every exposure: a profile was assigned an arm of an experience (served or held back as control). */
export const exposures = pgTable(
  "exposures",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    projectId: text("project_id").notNull(),
    personalizationId: text("personalization_id").notNull(),
    experienceId: text("experience_id").notNull(),
    profileId: text("profile_id").notNull(),
    arm: armEnum("arm").notNull(),
    visitId: text("visit_id"),
    createdAt: tz("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("exposures_project_personalization_time_idx").on(t.projectId, t.personalizationId, t.createdAt),
    index("exposures_profile_idx").on(t.profileId),
  ],
);

import { pgTable, primaryKey, text, index } from "drizzle-orm/pg-core";
import { createdAt } from "./_columns";
import { personalizations } from "./personalizations";
import { projects } from "./projects";
import { selectorGroups } from "./selector-groups";

/** Membership of a personalization in a selector group (a personalization may be in several). */
export const selectorGroupMembers = pgTable(
  "selector_group_members",
  {
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    groupId: text("group_id")
      .notNull()
      .references(() => selectorGroups.id, { onDelete: "cascade" }),
    personalizationId: text("personalization_id")
      .notNull()
      .references(() => personalizations.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.personalizationId] }),
    index("selector_group_members_personalization_idx").on(t.personalizationId),
  ],
);

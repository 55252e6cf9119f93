import { pgEnum, pgTable, text, uniqueIndex, index } from "drizzle-orm/pg-core";
import { createdAt, idColumn, updatedAt } from "./_columns";
import { organizations } from "./organizations";
import { users } from "./users";

export const roleEnum = pgEnum("member_role", ["owner", "admin", "editor", "viewer"]);

/** A user's role in an organization; it applies to every project of the organization. */
export const memberships = pgTable(
  "memberships",
  {
    id: idColumn("mem"),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("memberships_org_user_key").on(t.orgId, t.userId), index("memberships_user_idx").on(t.userId)],
);

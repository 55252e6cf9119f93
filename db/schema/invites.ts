import { pgTable, text, uniqueIndex, index } from "drizzle-orm/pg-core";
import { createdAt, idColumn, tz } from "./_columns";
import { organizations } from "./organizations";
import { roleEnum } from "./memberships";
import { users } from "./users";

/** An invitation to join an organization; only a hash of the link's token is stored. */
export const invites = pgTable(
  "invites",
  {
    id: idColumn("inv"),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: roleEnum("role").notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: tz("expires_at").notNull(),
    acceptedAt: tz("accepted_at"),
    revokedAt: tz("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("invites_token_hash_key").on(t.tokenHash), index("invites_org_idx").on(t.orgId)],
);

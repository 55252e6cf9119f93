import { pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, idColumn, updatedAt } from "./_columns";

/** A tenant. Its `name` appears in every API path (`/api/v1/{orgName}/…`). */
export const organizations = pgTable(
  "organizations",
  {
    id: idColumn("org"),
    name: text("name").notNull(),
    displayName: text("display_name"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("organizations_name_key").on(t.name)],
);

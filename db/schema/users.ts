import { pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, idColumn, updatedAt } from "./_columns";

/** A console user. `email` is stored lower-cased; `passwordHash` is an argon2id PHC string. */
export const users = pgTable(
  "users",
  {
    id: idColumn("usr"),
    email: text("email").notNull(),
    name: text("name"),
    passwordHash: text("password_hash").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

import { bigint, pgTable, text, index } from "drizzle-orm/pg-core";
import { tz } from "./_columns";

/** Failed sign-ins, kept in the database so throttling holds across app instances. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    key: text("key").notNull(),
    createdAt: tz("created_at").notNull().defaultNow(),
  },
  (t) => [index("login_attempts_key_time_idx").on(t.key, t.createdAt)],
);

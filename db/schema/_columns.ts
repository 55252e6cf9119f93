import { text, timestamp } from "drizzle-orm/pg-core";
import { newId, type IdPrefix } from "../../lib/ids";

/** Text primary key with a typed prefix, filled in by the application. */
export const idColumn = (prefix: IdPrefix) =>
  text("id")
    .primaryKey()
    .$defaultFn(() => newId(prefix));

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdateFn(() => new Date());

export const tz = (name: string) => timestamp(name, { withTimezone: true });

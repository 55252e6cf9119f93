import { bigint, boolean, jsonb, pgEnum, pgTable, text, index } from "drizzle-orm/pg-core";
import { tz } from "./_columns";

export const actorTypeEnum = pgEnum("actor_type", ["user", "key", "system"]);

/** Who changed what: one row per write of the management API, with the entity before and after. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: text("org_id").notNull(),
    projectId: text("project_id"),
    actorType: actorTypeEnum("actor_type").notNull(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before").$type<unknown>(),
    after: jsonb("after").$type<unknown>(),
    whileRunning: boolean("while_running").notNull().default(false),
    requestId: text("request_id"),
    createdAt: tz("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.projectId, t.entityType, t.entityId, t.createdAt),
    index("audit_log_project_time_idx").on(t.projectId, t.createdAt),
  ],
);

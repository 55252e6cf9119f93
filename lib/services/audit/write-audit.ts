import { auditLog } from "../../../db/schema";
import type { Queryable } from "../../../db/client";
import { describeActor, type Actor } from "../../auth/permissions";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /** True when the change touched a personalization while it was serving traffic. */
  whileRunning?: boolean;
}

export interface AuditScope {
  actor: Actor;
  orgId: string;
  projectId: string | null;
  requestId?: string;
}

function actorId(actor: Actor): string | null {
  switch (actor.type) {
    case "key":
      return String(actor.sourceId);
    case "user":
      return actor.userId;
    case "system":
      return null;
  }
}

/** Writes one audit row; call it inside the same transaction as the change it records. */
export async function writeAudit(tx: Queryable, scope: AuditScope, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    orgId: scope.orgId,
    projectId: scope.projectId,
    actorType: scope.actor.type,
    actorId: actorId(scope.actor),
    actorLabel: describeActor(scope.actor),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    whileRunning: entry.whileRunning ?? false,
    requestId: scope.requestId ?? null,
  });
}

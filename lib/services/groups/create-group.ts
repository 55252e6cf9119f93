import { selectorGroupMembers, selectorGroups } from "../../../db/schema";
import { parseValue } from "../../http/parse-body";
import { createGroupSchema, type Group } from "../../schemas/groups";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { projectChanged } from "../project-changed";
import { auditScope, requireAccess } from "../require-access";
import { groupNameTaken } from "./group-conflict";
import { toGroupView } from "./group-view";
import { resolvePersonalizations } from "./resolve-personalizations";

/** Creates a selector group, optionally with its member personalizations. */
export async function createGroup(ctx: ServiceContext, input: unknown): Promise<Group> {
  requireAccess(ctx, "write");
  const { name, description, personalizationIds } = parseValue(input, createGroupSchema);
  const projectId = ctx.project.id;
  let group: Group;
  try {
    group = await ctx.db.transaction(async (tx) => {
      const members = await resolvePersonalizations(tx, projectId, personalizationIds ?? []);
      const [row] = await tx
        .insert(selectorGroups)
        .values({ projectId, name, description: description ?? null })
        .returning();
      if (members.length > 0) {
        await tx
          .insert(selectorGroupMembers)
          .values(members.map((m) => ({ projectId, groupId: row.id, personalizationId: m.id })));
      }
      const view = await toGroupView(tx, projectId, row);
      await writeAudit(tx, auditScope(ctx), {
        action: "group.create",
        entityType: "group",
        entityId: row.id,
        after: view,
        whileRunning: members.some((m) => m.status === "running"),
      });
      return view;
    });
  } catch (error) {
    throw groupNameTaken(error, name);
  }
  await projectChanged(ctx);
  return group;
}

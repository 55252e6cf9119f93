import { z } from "zod";
import { parseBody, parseValue } from "../../http/parse-body";
import { withAuth } from "../../http/with-auth";
import type { ApiRequest } from "../../http/types";
import { createGroupSchema, updateGroupSchema } from "../../schemas/groups";
import { createGroup } from "../../services/groups/create-group";
import { deleteGroup } from "../../services/groups/delete-group";
import { getGroup } from "../../services/groups/get-group";
import { listGroups } from "../../services/groups/list-groups";
import { updateGroup } from "../../services/groups/update-group";

const groupRef = (req: ApiRequest) =>
  parseValue(req.params, z.object({ groupId: z.string().min(1).max(200, "is too long") }), "path").groupId;

export const listGroupsHandler = withAuth(async (_req, ctx) => ({ status: 200, body: { groups: await listGroups(ctx) } }), {
  scope: "manage",
});

export const createGroupHandler = withAuth(
  async (req, ctx) => ({ status: 201, body: await createGroup(ctx, await parseBody(req, createGroupSchema)) }),
  { scope: "manage" },
);

/** `{groupId}` is the group's id or its name. */
export const getGroupHandler = withAuth(async (req, ctx) => ({ status: 200, body: await getGroup(ctx, groupRef(req)) }), {
  scope: "manage",
});

export const updateGroupHandler = withAuth(
  async (req, ctx) => ({ status: 200, body: await updateGroup(ctx, groupRef(req), await parseBody(req, updateGroupSchema)) }),
  { scope: "manage" },
);

export const deleteGroupHandler = withAuth(
  async (req, ctx) => {
    await deleteGroup(ctx, groupRef(req));
    return { status: 204 };
  },
  { scope: "manage" },
);

import { z } from "zod";
import { parseBody, parseValue } from "../../http/parse-body";
import { withAuth } from "../../http/with-auth";
import { changeRoleSchema, inviteSchema } from "../../schemas/auth";
import { changeRole, removeMember } from "../../services/members/change-role";
import { createInvite } from "../../services/members/create-invite";
import { listMembers } from "../../services/members/list-members";
import { revokeInvite } from "../../services/members/revoke-invite";
import { getProject, updateProject, updateProjectSchema } from "../../services/projects/update-project";

const userParam = z.object({ userId: z.string().min(1) });
const inviteParam = z.object({ inviteId: z.string().min(1) });

export const listMembersHandler = withAuth(async (_req, ctx) => ({ status: 200, body: await listMembers(ctx) }), { scope: "manage" });

export const createInviteHandler = withAuth(
  async (req, ctx) => ({ status: 201, body: await createInvite(ctx, await parseBody(req, inviteSchema)) }),
  { scope: "manage", access: "members" },
);

export const revokeInviteHandler = withAuth(
  async (req, ctx) => ({ status: 200, body: await revokeInvite(ctx, parseValue(req.params, inviteParam, "path").inviteId) }),
  { scope: "manage", access: "members" },
);

export const changeRoleHandler = withAuth(
  async (req, ctx) => ({
    status: 200,
    body: await changeRole(ctx, parseValue(req.params, userParam, "path").userId, await parseBody(req, changeRoleSchema)),
  }),
  { scope: "manage", access: "members" },
);

export const removeMemberHandler = withAuth(
  async (req, ctx) => ({ status: 200, body: await removeMember(ctx, parseValue(req.params, userParam, "path").userId) }),
  { scope: "manage", access: "members" },
);

export const getProjectHandler = withAuth(async (_req, ctx) => ({ status: 200, body: getProject(ctx) }), { scope: "manage" });

export const updateProjectHandler = withAuth(
  async (req, ctx) => ({ status: 200, body: await updateProject(ctx, await parseBody(req, updateProjectSchema)) }),
  { scope: "manage", access: "admin" },
);

import { z } from "zod";
import { getDbHandle } from "../../../db/connection";
import { AppError } from "../../errors";
import { parseBody, parseValue } from "../../http/parse-body";
import { withSession } from "../../http/with-session";
import type { ApiHandler } from "../../http/types";
import { acceptInviteSchema, signUpSchema } from "../../schemas/auth";
import { acceptInvite, getInviteInfo } from "../../services/members/accept-invite";
import { hasAnyUser, signUp } from "../../services/users/sign-up";
import { getUser, listUserProjects } from "../../services/users/list-user-projects";

/** POST /api/v1/sign-up — the first account of an empty instance. */
export const signUpHandler: ApiHandler = async (req) => {
  const handle = await getDbHandle();
  return { status: 201, body: await signUp(handle.db, await parseBody(req, signUpSchema)) };
};

/** GET /api/v1/instance — whether anyone has signed up yet (the start page picks sign-up or sign-in). */
export const instanceHandler: ApiHandler = async () => {
  const handle = await getDbHandle();
  return { status: 200, body: { hasUsers: await hasAnyUser(handle.db) } };
};

/** GET /api/v1/me — the signed-in user and the projects they can open. */
export const meHandler = withSession(async (_req, { userId, handle }) => {
  const user = await getUser(handle.db, userId);
  if (!user) throw new AppError("unauthorized", "Your account no longer exists; sign in again.");
  return { status: 200, body: { user, projects: await listUserProjects(handle.db, userId) } };
});

const tokenParam = z.object({ token: z.string().min(20, "is not an invite token").max(100, "is not an invite token") });

/** GET /api/v1/invites/{token} — who is invited where, before they accept. */
export const inviteInfoHandler: ApiHandler = async (req) => {
  const { token } = parseValue(req.params, tokenParam, "path");
  return { status: 200, body: await getInviteInfo((await getDbHandle()).db, token) };
};

/** POST /api/v1/invites/{token}/accept — join the organization. */
export const acceptInviteHandler: ApiHandler = async (req) => {
  const { token } = parseValue(req.params, tokenParam, "path");
  const body = await parseBody(req, acceptInviteSchema);
  return { status: 200, body: await acceptInvite((await getDbHandle()).db, token, body) };
};

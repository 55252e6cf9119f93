import { z } from "zod";
import { parseBody, parseValue } from "../../http/parse-body";
import { withAuth } from "../../http/with-auth";
import type { ApiRequest } from "../../http/types";
import { createTestProfileSchema, updateTestProfileSchema } from "../../schemas/test-profiles";
import { createTestProfile } from "../../services/test-profiles/create-test-profile";
import { deleteTestProfile } from "../../services/test-profiles/delete-test-profile";
import { getTestProfile } from "../../services/test-profiles/get-test-profile";
import { listTestProfiles } from "../../services/test-profiles/list-test-profiles";
import { updateTestProfile } from "../../services/test-profiles/update-test-profile";

const testProfileId = (req: ApiRequest) =>
  parseValue(req.params, z.object({ testProfileId: z.string().min(1).max(200, "is too long") }), "path").testProfileId;

export const listTestProfilesHandler = withAuth(
  async (_req, ctx) => ({ status: 200, body: { testProfiles: await listTestProfiles(ctx) } }),
  { scope: "manage" },
);

export const createTestProfileHandler = withAuth(
  async (req, ctx) => ({ status: 201, body: await createTestProfile(ctx, await parseBody(req, createTestProfileSchema)) }),
  { scope: "manage" },
);

export const getTestProfileHandler = withAuth(
  async (req, ctx) => ({ status: 200, body: await getTestProfile(ctx, testProfileId(req)) }),
  { scope: "manage" },
);

export const updateTestProfileHandler = withAuth(
  async (req, ctx) => ({
    status: 200,
    body: await updateTestProfile(ctx, testProfileId(req), await parseBody(req, updateTestProfileSchema)),
  }),
  { scope: "manage" },
);

export const deleteTestProfileHandler = withAuth(
  async (req, ctx) => {
    await deleteTestProfile(ctx, testProfileId(req));
    return { status: 204 };
  },
  { scope: "manage" },
);

import { parseQuery } from "../../http/parse-body";
import { withAuth } from "../../http/with-auth";
import { profileQuerySchema } from "../../schemas/profiles";
import { getProfile } from "../../services/profiles/get-profile";

/** `?userId=` or `?profileId=` (exactly one). */
export const getProfileHandler = withAuth(
  async (req, ctx) => ({ status: 200, body: await getProfile(ctx, parseQuery(req, profileQuerySchema)) }),
  { scope: "manage" },
);

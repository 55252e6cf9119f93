import { parseBody } from "../../http/parse-body";
import { withAuth } from "../../http/with-auth";
import { CHOOSE_BODY_LIMIT, chooseRequestSchema } from "../../schemas/choose";
import { choosePersonalizations } from "../../services/decide/choose-personalizations";

/** POST …/optimization/choose-api — the decision for each requested selector (SPEC §6.1). */
export const chooseHandler = withAuth(
  async (req, ctx) => ({
    status: 200,
    // A CDN in front must never cache a visitor's decision.
    headers: { "cache-control": "no-store" },
    body: await choosePersonalizations(ctx, await parseBody(req, chooseRequestSchema, CHOOSE_BODY_LIMIT)),
  }),
  { scope: "decide" },
);

import { parseBody } from "../../http/parse-body";
import { withAuth } from "../../http/with-auth";
import { previewRequestSchema } from "../../schemas/preview";
import { previewDecisions } from "../../services/preview/preview-decisions";

/** POST …/preview — decide for a test profile and explain; writes nothing, so viewers may use it. */
export const previewHandler = withAuth(async (req, ctx) => ({ status: 200, body: await previewDecisions(ctx, await parseBody(req, previewRequestSchema)) }), {
  scope: "manage",
  access: "read",
});

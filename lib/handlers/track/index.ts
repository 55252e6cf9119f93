import { parseBody, parseValue } from "../../http/parse-body";
import { withAuth } from "../../http/with-auth";
import { sourcePathSchema, trackRequestSchema } from "../../schemas/track";
import { trackEvents } from "../../services/track/track-events";

/** POST …/track — events and identity writes (SPEC §6.2); 202 once they are committed. */
export const trackHandler = withAuth(async (req, ctx) => ({ status: 202, body: await trackEvents(ctx, await parseBody(req, trackRequestSchema)) }), {
  scope: "track",
});

/** POST …/sources/{sourceId}/track — the same, for the key's own source, stamped on the profiles. */
export const sourceTrackHandler = withAuth(
  async (req, ctx) => {
    const { sourceId } = parseValue(req.params, sourcePathSchema, "path");
    return { status: 202, body: await trackEvents(ctx, await parseBody(req, trackRequestSchema), { sourceId }) };
  },
  { scope: "track" },
);

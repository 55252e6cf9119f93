import { z } from "zod";
import { projectPathParams } from "../common";

export const personalizationParams = projectPathParams.extend({
  id: z.string().meta({ description: "The personalization id.", example: "per_9sXk…" }),
});
export const experienceParams = personalizationParams.extend({
  experienceId: z.string().meta({ description: "The experience id.", example: "exp_4nQ8…" }),
});

export const ifMatchHeader = z.object({
  "if-match": z
    .string()
    .optional()
    .meta({ description: 'The personalization version this write expects (`"3"`), instead of `version` in the body. Stale → 409.' }),
});

export const etagHeader = {
  ETag: { description: "The personalization's version, quoted: send it back as `If-Match`.", schema: { type: "string" as const } },
};

export const versionQuery = z.object({
  version: z.string().optional().meta({ description: "The personalization version this write expects (or `If-Match`, or `{\"version\"}` in a JSON body)." }),
});

export const VERSION_CONFLICT =
  "`version_conflict` when the version sent is stale (`details.currentVersion` is the current one); `conflict` for a taken selector or name, or an action the status does not allow.";

import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { chooseRequestSchema, chooseResponseSchema } from "../../schemas/choose";
import { previewRequestSchema, previewResponseSchema } from "../../schemas/preview";
import { trackRequestSchema, trackResponseSchema } from "../../schemas/track";
import { AUTH_ERRORS, PROJECT_PATH, errors, json, projectPathParams } from "../common";

/** choose-api, track and preview. */
const sourcePathParams = projectPathParams.extend({
  sourceId: z.string().meta({ description: "The numeric id of the source: the calling key's own.", example: "7" }),
});

const trackDescription =
  "A batch of at most 1 000 items, all or nothing: an invalid item is a 400 naming it (`track.0.payload.3.timestamp`) and nothing is stored. " +
  "`Identify` deep-merges `userAttributes`/`accountAttributes` into the profile (`null` removes a key) and, with `anotherUserId`, merges the two users' profiles; " +
  "any other name is an event (its `userAttributes` are merged too). A retried `eventId` is stored once and counted in `duplicates`. " +
  "The 202 is sent only after the batch is committed.";

export const dataPlanePaths: ZodOpenApiPathsObject = {
  [`${PROJECT_PATH}/optimization/choose-api`]: {
    post: {
      tags: ["Data plane"],
      summary: "Choose experiences",
      description:
        "Scope `decide`. For each requested name (in request order), then each group's running members (without repeats): the experience this visitor sees and its rendered payload, " +
        "or why not (`control`, `no_match`, `not_running`, `not_found`, `render_error`). An unseen visitor is created; a known `userId` and a new `profileId` become one profile. " +
        "The exposure is recorded unless `recordExposure` is false (then nothing at all is written). Body at most 64 KiB; the response is never cacheable.",
      requestParams: { path: projectPathParams },
      requestBody: { content: { "application/json": { schema: chooseRequestSchema } } },
      responses: { "200": json(chooseResponseSchema, "One choice per selector."), ...errors(400, 413, 415, 429, ...AUTH_ERRORS) },
    },
  },
  [`${PROJECT_PATH}/track`]: {
    post: {
      tags: ["Data plane"],
      summary: "Track events and identities",
      description: `Scope \`track\`. ${trackDescription}`,
      requestParams: { path: projectPathParams },
      requestBody: { content: { "application/json": { schema: trackRequestSchema } } },
      responses: { "202": json(trackResponseSchema, "Committed."), ...errors(400, 413, 415, 429, ...AUTH_ERRORS) },
    },
  },
  [`${PROJECT_PATH}/sources/{sourceId}/track`]: {
    post: {
      tags: ["Data plane"],
      summary: "Track events for a source",
      description: `Scope \`track\`; the path's source must be the calling key's own (else 403), and it is stamped on the profiles it creates or touches. ${trackDescription}`,
      requestParams: { path: sourcePathParams },
      requestBody: { content: { "application/json": { schema: trackRequestSchema } } },
      responses: { "202": json(trackResponseSchema, "Committed."), ...errors(400, 413, 415, 429, ...AUTH_ERRORS) },
    },
  },
  [`${PROJECT_PATH}/preview`]: {
    post: {
      tags: ["Data plane"],
      summary: "Preview decisions for a test profile",
      description:
        "Scope `manage` (any role). A saved test profile (`testProfileId`) or one typed inline, against `names`, `groups` or `all: true`, optionally with drafts and paused personalizations, at an instant: " +
        "the choices with rendered payloads and a full trace of every rule. Writes nothing.",
      requestParams: { path: projectPathParams },
      requestBody: { content: { "application/json": { schema: previewRequestSchema } } },
      responses: { "200": json(previewResponseSchema, "The decisions and why."), ...errors(400, 404, 413, 415, ...AUTH_ERRORS) },
    },
  },
};

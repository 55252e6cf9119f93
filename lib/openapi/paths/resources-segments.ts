import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  addedMembersSchema,
  createSegmentSchema,
  removedMembersSchema,
  segmentListSchema,
  segmentMembersSchema,
  segmentSchema,
  updateSegmentSchema,
} from "../../schemas/segments";
import { AUTH_ERRORS, PROJECT_PATH, errors, json, projectPathParams } from "../common";

const params = projectPathParams.extend({ segmentId: z.string().meta({ description: "The segment's id or its key." }) });
const tags = ["Segments"];

const csvBody = z.string().meta({
  description:
    "One user id per line (the first column). An optional header row `userId` or `user_id`; blank lines and spaces around values are ignored; quoted values (`\"a,b\"`) are taken literally. At most 20 MiB; ids of at most 256 characters.",
  example: "userId\nu-1001\nu-1002\n",
});

export const segmentPaths: ZodOpenApiPathsObject = {
  [`${PROJECT_PATH}/segments`]: {
    get: {
      tags,
      summary: "List segments",
      description: "Every segment of the project by key; static segments with their member count.",
      requestParams: { path: projectPathParams },
      responses: { "200": json(segmentListSchema, "The segments."), ...errors(...AUTH_ERRORS) },
    },
    post: {
      tags,
      summary: "Create a segment",
      description:
        'A `rule` segment saves a condition (validated; `$segment` may name other segments, but not in a cycle: `a → b → a` is a 400 naming it). A `static` segment holds user ids, added with `POST …/members`. Conditions reference segments by key: `{"$segment": "vip"}`.',
      requestParams: { path: projectPathParams },
      requestBody: { content: { "application/json": { schema: createSegmentSchema } } },
      responses: { "201": json(segmentSchema, "The new segment."), ...errors(400, 409, 413, 415, ...AUTH_ERRORS) },
    },
  },
  [`${PROJECT_PATH}/segments/{segmentId}`]: {
    get: {
      tags,
      summary: "Read a segment",
      requestParams: { path: params },
      responses: { "200": json(segmentSchema, "The segment."), ...errors(404, ...AUTH_ERRORS) },
    },
    patch: {
      tags,
      summary: "Edit a segment",
      description:
        "Name, description, a rule segment's condition (validated as on create), or the key — unless a condition still references the segment (409 naming the referrers). The type cannot change.",
      requestParams: { path: params },
      requestBody: { content: { "application/json": { schema: updateSegmentSchema } } },
      responses: { "200": json(segmentSchema, "The segment after the change."), ...errors(400, 404, 409, 413, 415, ...AUTH_ERRORS) },
    },
    delete: {
      tags,
      summary: "Delete a segment",
      description:
        "Deletes the segment and its members. While another segment's condition or an experience's audience references it, the answer is 409 with the referrers in `details.referrers`.",
      requestParams: { path: params },
      responses: { "204": { description: "Deleted." }, ...errors(404, 409, ...AUTH_ERRORS) },
    },
  },
  [`${PROJECT_PATH}/segments/{segmentId}/members`]: {
    post: {
      tags,
      summary: "Add user ids to a static segment",
      description:
        "JSON `{\"userIds\": [...]}` (at most 10 000, 4 MiB), or a CSV file (`Content-Type: text/csv`, at most 20 MiB) that is parsed and inserted as it streams in. Idempotent: ids already in the segment count as `alreadyMembers`. All or nothing: an invalid row is a 400 naming its line, and nothing is added. A rule segment has no members: 400.",
      requestParams: { path: params },
      requestBody: {
        content: {
          "application/json": { schema: segmentMembersSchema },
          "text/csv": { schema: csvBody },
        },
      },
      responses: { "200": json(addedMembersSchema, "What changed."), ...errors(400, 404, 413, 415, ...AUTH_ERRORS) },
    },
    delete: {
      tags,
      summary: "Remove user ids from a static segment",
      description: "Ids that are not members are ignored. At most 10 000 per request.",
      requestParams: { path: params },
      requestBody: { content: { "application/json": { schema: segmentMembersSchema } } },
      responses: { "200": json(removedMembersSchema, "What changed."), ...errors(400, 404, 413, 415, ...AUTH_ERRORS) },
    },
  },
};

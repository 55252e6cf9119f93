import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { createGroupSchema, groupListSchema, groupSchema, updateGroupSchema } from "../../schemas/groups";
import { AUTH_ERRORS, PROJECT_PATH, errors, json, projectPathParams } from "../common";

const params = projectPathParams.extend({ groupId: z.string().meta({ description: "The group's id or its name." }) });
const tags = ["Selector groups"];

export const groupPaths: ZodOpenApiPathsObject = {
  [`${PROJECT_PATH}/groups`]: {
    get: {
      tags,
      summary: "List selector groups",
      description: "Every group of the project by name, each with its member personalizations (id, name, selector, status).",
      requestParams: { path: projectPathParams },
      responses: { "200": json(groupListSchema, "The groups."), ...errors(...AUTH_ERRORS) },
    },
    post: {
      tags,
      summary: "Create a selector group",
      description:
        'A named set of personalizations; choose-api\'s `groups` returns its running members. Names are `^[a-zA-Z0-9_-]+$`: a space or any of `* , / + =` is a 400 naming the character. A taken name is a 409; an unknown personalization id a 400 naming it.',
      requestParams: { path: projectPathParams },
      requestBody: { content: { "application/json": { schema: createGroupSchema } } },
      responses: { "201": json(groupSchema, "The new group."), ...errors(400, 409, 413, 415, ...AUTH_ERRORS) },
    },
  },
  [`${PROJECT_PATH}/groups/{groupId}`]: {
    get: {
      tags,
      summary: "Read a selector group",
      requestParams: { path: params },
      responses: { "200": json(groupSchema, "The group."), ...errors(404, ...AUTH_ERRORS) },
    },
    patch: {
      tags,
      summary: "Rename, describe or reassign a selector group",
      description:
        "Fields left out stay as they are. `personalizationIds` replaces the membership: personalizations not listed are unassigned, new ones assigned. Personalizations themselves are not changed.",
      requestParams: { path: params },
      requestBody: { content: { "application/json": { schema: updateGroupSchema } } },
      responses: { "200": json(groupSchema, "The group after the change."), ...errors(400, 404, 409, 413, 415, ...AUTH_ERRORS) },
    },
    delete: {
      tags,
      summary: "Delete a selector group",
      description: "Removes the group only: its personalizations stay, they just leave it.",
      requestParams: { path: params },
      responses: { "204": { description: "Deleted." }, ...errors(404, ...AUTH_ERRORS) },
    },
  },
};

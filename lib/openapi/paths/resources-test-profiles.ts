import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  createTestProfileSchema,
  testProfileListSchema,
  testProfileSchema,
  updateTestProfileSchema,
} from "../../schemas/test-profiles";
import { AUTH_ERRORS, PROJECT_PATH, errors, json, projectPathParams } from "../common";

const params = projectPathParams.extend({ testProfileId: z.string().meta({ description: "The test profile's id." }) });
const tags = ["Test profiles"];

export const testProfilePaths: ZodOpenApiPathsObject = {
  [`${PROJECT_PATH}/test-profiles`]: {
    get: {
      tags,
      summary: "List test profiles",
      requestParams: { path: projectPathParams },
      responses: { "200": json(testProfileListSchema, "The test profiles, by name."), ...errors(...AUTH_ERRORS) },
    },
    post: {
      tags,
      summary: "Save a test profile",
      description:
        "A fictional visitor for the preview: attributes, past events (relative to the preview instant), the static segments it is in, device, URL, session and moment. It never affects real decisions.",
      requestParams: { path: projectPathParams },
      requestBody: { content: { "application/json": { schema: createTestProfileSchema } } },
      responses: { "201": json(testProfileSchema, "The saved test profile."), ...errors(400, 409, 413, 415, ...AUTH_ERRORS) },
    },
  },
  [`${PROJECT_PATH}/test-profiles/{testProfileId}`]: {
    get: {
      tags,
      summary: "Read a test profile",
      requestParams: { path: params },
      responses: { "200": json(testProfileSchema, "The test profile."), ...errors(404, ...AUTH_ERRORS) },
    },
    patch: {
      tags,
      summary: "Edit a test profile",
      description: "Fields left out stay; `null` clears an optional field; objects and lists given replace the old ones.",
      requestParams: { path: params },
      requestBody: { content: { "application/json": { schema: updateTestProfileSchema } } },
      responses: { "200": json(testProfileSchema, "The test profile after the change."), ...errors(400, 404, 409, 413, 415, ...AUTH_ERRORS) },
    },
    delete: {
      tags,
      summary: "Delete a test profile",
      requestParams: { path: params },
      responses: { "204": { description: "Deleted." }, ...errors(404, ...AUTH_ERRORS) },
    },
  },
};

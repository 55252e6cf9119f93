import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { createSourceSchema, createdSourceSchema, sourceSchema, updateSourceSchema } from "../../schemas/sources";
import { AUTH_ERRORS, PROJECT_PATH, errors, json, projectPathParams } from "../common";

const sourcePathParams = projectPathParams.extend({ sourceId: z.string().meta({ description: "The source id (numeric)." }) });
const tags = ["Sources"];

export const sourcesPaths: ZodOpenApiPathsObject = {
  [`${PROJECT_PATH}/sources`]: {
    get: {
      tags,
      summary: "List API keys",
      requestParams: { path: projectPathParams },
      responses: { "200": json(z.object({ sources: z.array(sourceSchema) }), "The project's API keys, revoked ones included."), ...errors(...AUTH_ERRORS) },
    },
    post: {
      tags,
      summary: "Create an API key",
      description: "The whole key (`prefix.secret`) is in this response only; store it now.",
      requestParams: { path: projectPathParams },
      requestBody: { content: { "application/json": { schema: createSourceSchema } } },
      responses: { "201": json(createdSourceSchema, "The new key."), ...errors(400, 413, 415, ...AUTH_ERRORS) },
    },
  },
  [`${PROJECT_PATH}/sources/{sourceId}`]: {
    get: {
      tags,
      summary: "Read an API key",
      requestParams: { path: sourcePathParams },
      responses: { "200": json(sourceSchema, "The key (never its secret)."), ...errors(404, ...AUTH_ERRORS) },
    },
    patch: {
      tags,
      summary: "Rename an API key",
      requestParams: { path: sourcePathParams },
      requestBody: { content: { "application/json": { schema: updateSourceSchema } } },
      responses: { "200": json(sourceSchema, "The renamed key."), ...errors(400, 404, 413, 415, ...AUTH_ERRORS) },
    },
    delete: {
      tags,
      summary: "Revoke an API key",
      description: "The key stops authenticating at once, on every instance; it stays listed as revoked.",
      requestParams: { path: sourcePathParams },
      responses: { "200": json(sourceSchema, "The revoked key."), ...errors(404, ...AUTH_ERRORS) },
    },
  },
};

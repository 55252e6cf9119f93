import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { createTemplateSchema, templateListSchema, templateSchema, updateTemplateSchema } from "../../schemas/templates";
import { AUTH_ERRORS, PROJECT_PATH, errors, json, projectPathParams } from "../common";

const tags = ["Templates"];
const templateParams = projectPathParams.extend({ id: z.string().meta({ description: "The template id.", example: "tpl_7Hk2…" }) });
const nameTaken = { "409": { ...errors(409)["409"], description: "`conflict`: a template of that name exists in the project." } };

export const templatePaths: ZodOpenApiPathsObject = {
  [`${PROJECT_PATH}/templates`]: {
    get: {
      tags,
      summary: "List templates",
      requestParams: { path: projectPathParams },
      responses: { "200": json(templateListSchema, "The project's templates, by name."), ...errors(...AUTH_ERRORS) },
    },
    post: {
      tags,
      summary: "Create a template",
      description: "A named payload that new experiences can start from (it is copied into them, not linked). The payload is checked like an experience's.",
      requestParams: { path: projectPathParams },
      requestBody: { content: { "application/json": { schema: createTemplateSchema } } },
      responses: { "201": json(templateSchema, "The new template."), ...errors(400, 413, 415, ...AUTH_ERRORS), ...nameTaken },
    },
  },
  [`${PROJECT_PATH}/templates/{id}`]: {
    get: {
      tags,
      summary: "Read a template",
      requestParams: { path: templateParams },
      responses: { "200": json(templateSchema, "The template."), ...errors(404, ...AUTH_ERRORS) },
    },
    patch: {
      tags,
      summary: "Edit a template",
      description: "Changes the fields present. Experiences started from the template keep their copy of the payload.",
      requestParams: { path: templateParams },
      requestBody: { content: { "application/json": { schema: updateTemplateSchema } } },
      responses: { "200": json(templateSchema, "The template as saved."), ...errors(400, 404, 413, 415, ...AUTH_ERRORS), ...nameTaken },
    },
    delete: {
      tags,
      summary: "Delete a template",
      description: "Experiences started from it keep their payload.",
      requestParams: { path: templateParams },
      responses: { "204": { description: "Deleted." }, ...errors(404, ...AUTH_ERRORS) },
    },
  },
};

import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  createExperienceSchema,
  duplicateExperienceSchema,
  experienceWriteResultSchema,
  reorderExperiencesSchema,
  updateExperienceSchema,
  versionOnlySchema,
  versionResultSchema,
} from "../../schemas/experiences";
import { personalizationSchema } from "../../schemas/personalizations";
import { saveAsTemplateSchema, templateSchema } from "../../schemas/templates";
import { AUTH_ERRORS, PROJECT_PATH, errors, json } from "../common";
import { VERSION_CONFLICT, etagHeader, experienceParams, ifMatchHeader, personalizationParams, versionQuery } from "./authoring-common";

const tags = ["Personalizations"];
const BASE = `${PROJECT_PATH}/personalizations/{id}/experiences`;
const VERSIONED =
  "Bumps the personalization's `version`. Send the version you read (`version` in the body or `If-Match`) to be told of concurrent edits with a 409; without one the write applies unchecked.";

const conflict = (extra = "") => ({ "409": { ...errors(409)["409"], description: `${VERSION_CONFLICT}${extra}` } });

export const experiencePaths: ZodOpenApiPathsObject = {
  [BASE]: {
    post: {
      tags,
      summary: "Add an experience",
      description: `Appends an experience at the lowest priority, from scratch or from a template (\`templateId\`: its payload is copied and its name is the default). Payload strings are parsed as Liquid and the audience and schedule checked: a problem is a 400 naming its path. ${VERSIONED}`,
      requestParams: { path: personalizationParams, header: ifMatchHeader },
      requestBody: { content: { "application/json": { schema: createExperienceSchema } } },
      responses: {
        "201": { ...json(experienceWriteResultSchema, "The new experience and the personalization's new version."), headers: etagHeader },
        ...errors(400, 404, 413, 415, ...AUTH_ERRORS),
        ...conflict(),
      },
    },
  },
  [`${BASE}/order`]: {
    put: {
      tags,
      summary: "Reorder experiences",
      description: `Sets the whole priority order in one atomic write: \`experienceIds\` lists exactly the current experiences, highest priority first. ${VERSIONED}`,
      requestParams: { path: personalizationParams, header: ifMatchHeader },
      requestBody: { content: { "application/json": { schema: reorderExperiencesSchema } } },
      responses: {
        "200": { ...json(personalizationSchema, "The personalization in its new order."), headers: etagHeader },
        ...errors(400, 404, 413, 415, ...AUTH_ERRORS),
        ...conflict(),
      },
    },
  },
  [`${BASE}/{experienceId}`]: {
    patch: {
      tags,
      summary: "Edit an experience",
      description: `Changes the fields present: name, payload, audience, display (merged field by field), schedule (\`null\` clears it). ${VERSIONED}`,
      requestParams: { path: experienceParams, header: ifMatchHeader },
      requestBody: { content: { "application/json": { schema: updateExperienceSchema } } },
      responses: {
        "200": { ...json(experienceWriteResultSchema, "The experience as saved and the personalization's new version."), headers: etagHeader },
        ...errors(400, 404, 413, 415, ...AUTH_ERRORS),
        ...conflict(),
      },
    },
    delete: {
      tags,
      summary: "Delete an experience",
      description: `The experiences below it move up one priority. ${VERSIONED} (Here: \`If-Match\`, \`?version=\` or a JSON body \`{"version"}\`.)`,
      requestParams: { path: experienceParams, header: ifMatchHeader, query: versionQuery },
      requestBody: { required: false, content: { "application/json": { schema: versionOnlySchema } } },
      responses: {
        "200": { ...json(versionResultSchema, "The personalization's new version."), headers: etagHeader },
        ...errors(400, 404, ...AUTH_ERRORS),
        ...conflict(),
      },
    },
  },
  [`${BASE}/{experienceId}/duplicate`]: {
    post: {
      tags,
      summary: "Duplicate an experience",
      description: `Copies payload, audience, display and schedule into a new experience right below the original (the ones below move down). The body is optional. Extends SPEC §6.3 (decision 041). ${VERSIONED}`,
      requestParams: { path: experienceParams, header: ifMatchHeader },
      requestBody: { required: false, content: { "application/json": { schema: duplicateExperienceSchema } } },
      responses: {
        "201": { ...json(experienceWriteResultSchema, "The copy and the personalization's new version."), headers: etagHeader },
        ...errors(400, 404, 413, 415, ...AUTH_ERRORS),
        ...conflict(),
      },
    },
  },
  [`${BASE}/{experienceId}/template`]: {
    post: {
      tags,
      summary: "Save an experience as a template",
      description: "Saves the experience's payload as a new template of the project (the console's \"Save as template\"). Does not change the personalization. Extends SPEC §6.3 (decision 041).",
      requestParams: { path: experienceParams },
      requestBody: { content: { "application/json": { schema: saveAsTemplateSchema } } },
      responses: {
        "201": json(templateSchema, "The new template."),
        ...errors(400, 404, 413, 415, ...AUTH_ERRORS),
        "409": { ...errors(409)["409"], description: "`conflict`: a template of that name exists." },
      },
    },
  },
};

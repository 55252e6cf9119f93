import type { ZodOpenApiPathsObject } from "zod-openapi";
import { versionOnlySchema } from "../../schemas/experiences";
import { exportedDocumentSchema, personalizationDocumentSchema } from "../../schemas/personalization-document";
import {
  listPersonalizationsQuerySchema,
  personalizationListSchema,
  personalizationSchema,
  updatePersonalizationSchema,
} from "../../schemas/personalizations";
import { AUTH_ERRORS, PROJECT_PATH, errors, json, projectPathParams } from "../common";
import { VERSION_CONFLICT, etagHeader, ifMatchHeader, personalizationParams, versionQuery } from "./authoring-common";
import { experiencePaths } from "./authoring-experiences";
import { templatePaths } from "./authoring-templates";

const tags = ["Personalizations"];
const BASE = `${PROJECT_PATH}/personalizations`;
const conflict = (description: string) => ({ "409": { ...errors(409)["409"], description } });
const withEtag = (description: string) => ({ ...json(personalizationSchema, description), headers: etagHeader });
const optionalVersionBody = { required: false, content: { "application/json": { schema: versionOnlySchema } } };

const lifecycle = (summary: string, description: string, extra: object = {}) => ({
  post: {
    tags,
    summary,
    description: `${description} The version check is optional here (\`If-Match\`, \`?version=\` or a JSON body \`{"version"}\`).`,
    requestParams: { path: personalizationParams, header: ifMatchHeader, query: versionQuery },
    requestBody: optionalVersionBody,
    responses: {
      "200": withEtag("The personalization after the action."),
      ...errors(404, ...AUTH_ERRORS),
      ...conflict(`${VERSION_CONFLICT}`),
      ...extra,
    },
  },
});

/** Personalizations, experiences, metrics, lifecycle, export/import and templates. */
export const authoringPaths: ZodOpenApiPathsObject = {
  [BASE]: {
    get: {
      tags,
      summary: "List personalizations",
      description: "Newest first, each with its experience count, group names and primary metric. Archived ones only with `status=archived`.",
      requestParams: { path: projectPathParams, query: listPersonalizationsQuerySchema },
      responses: { "200": json(personalizationListSchema, "The personalizations."), ...errors(400, ...AUTH_ERRORS) },
    },
    post: {
      tags,
      summary: "Create a personalization",
      description:
        "From a personalization document. The selector defaults from the name (lower-case, spaces → `-`, other characters dropped, `-2`, `-3`… when taken); an explicit selector that is taken is a 409. Without `experiences` there is one empty experience (`needs_setup`). Groups that do not exist are created. The new personalization is a draft at version 1.",
      requestParams: { path: projectPathParams },
      requestBody: { content: { "application/json": { schema: personalizationDocumentSchema } } },
      responses: {
        "201": withEtag("The new personalization."),
        ...errors(400, 413, 415, ...AUTH_ERRORS),
        ...conflict("`conflict`: the selector is taken (`details` names `selector`)."),
      },
    },
  },
  [`${BASE}/import`]: {
    post: {
      tags,
      summary: "Import a personalization document",
      description:
        "Creates a draft, or updates the personalization with the document's selector (or the one derived from its name): name, control, groups, experiences and metrics are replaced, the version is bumped and the status kept. Experiences and metrics matching existing ones (same name; same event, measure, property and aggregation) keep their ids and results. Segment keys the project does not have are a 400 naming them. `If-Match` checks the version of the personalization being updated.",
      requestParams: { path: projectPathParams, header: ifMatchHeader },
      requestBody: { content: { "application/json": { schema: personalizationDocumentSchema } } },
      responses: {
        "201": withEtag("Created."),
        "200": withEtag("Updated."),
        ...errors(400, 413, 415, ...AUTH_ERRORS),
        ...conflict(VERSION_CONFLICT),
      },
    },
  },
  [`${BASE}/{id}`]: {
    get: {
      tags,
      summary: "Read a personalization",
      requestParams: { path: personalizationParams },
      responses: { "200": withEtag("The personalization, experiences in priority order."), ...errors(404, ...AUTH_ERRORS) },
    },
    patch: {
      tags,
      summary: "Edit a personalization",
      description:
        "A partial document with the `version` you read (in the body or as `If-Match`; required). `experiences` and `metrics`, when present, are the whole new lists: entries with an `id` keep that experience or metric (an experience's absent fields are kept), the others are new, the ones left out are removed. Allowed in every status; edits of a running personalization take effect at once and are audited as such.",
      requestParams: { path: personalizationParams, header: ifMatchHeader },
      requestBody: { content: { "application/json": { schema: updatePersonalizationSchema } } },
      responses: {
        "200": withEtag("The personalization as saved."),
        ...errors(400, 404, 413, 415, ...AUTH_ERRORS),
        ...conflict(VERSION_CONFLICT),
      },
    },
    delete: {
      tags,
      summary: "Delete a draft",
      description: "Only drafts can be deleted (409 otherwise: archive instead, which keeps the results). The version check is optional.",
      requestParams: { path: personalizationParams, header: ifMatchHeader, query: versionQuery },
      requestBody: optionalVersionBody,
      responses: { "204": { description: "Deleted." }, ...errors(400, 404, ...AUTH_ERRORS), ...conflict(VERSION_CONFLICT) },
    },
  },
  [`${BASE}/{id}/start`]: lifecycle(
    "Start or resume",
    "Checks everything at once and lists every problem in `details` (400 `validation_failed`): no experiences, an experience that needs setup, invalid payload, audience or schedule, not exactly one primary metric, control out of range. Then `running`. Starting a running one changes nothing; an archived one cannot start (409).",
    errors(400),
  ),
  [`${BASE}/{id}/pause`]: lifecycle("Pause", "A running personalization stops serving (choose-api answers `not_running`) until started again. Pausing a paused one changes nothing; a draft or archived one is a 409."),
  [`${BASE}/{id}/archive`]: lifecycle("Archive", "Stops serving and hides it from the default list; results and selector are kept. Any status."),
  [`${BASE}/{id}/export`]: {
    get: {
      tags,
      summary: "Export a personalization",
      description: "A self-contained document: no ids, version or status; segment keys and group names are the only references to the project. Import it here or into another project.",
      requestParams: { path: personalizationParams },
      responses: { "200": json(exportedDocumentSchema, "The document."), ...errors(404, ...AUTH_ERRORS) },
    },
  },
  ...experiencePaths,
  ...templatePaths,
};

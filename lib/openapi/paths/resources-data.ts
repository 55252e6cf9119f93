import type { ZodOpenApiPathsObject } from "zod-openapi";
import { auditListSchema, auditQuerySchema } from "../../schemas/audit";
import { catalogAttributeListSchema, catalogEventListSchema, catalogQuerySchema } from "../../schemas/catalog";
import { profileQuerySchema, profileViewSchema } from "../../schemas/profiles";
import { AUTH_ERRORS, PROJECT_PATH, errors, json, projectPathParams } from "../common";

export const dataPaths: ZodOpenApiPathsObject = {
  [`${PROJECT_PATH}/profiles`]: {
    get: {
      tags: ["Profiles"],
      summary: "Look up a visitor",
      description:
        "By `userId` or by an anonymous `profileId` (exactly one). A profile merged into another resolves to the one it was merged into. With its 50 most recent events and exposures.",
      // The query schema's exactly-one rule is enforced at run time; the document lists both as optional.
      requestParams: { path: projectPathParams, query: profileQuerySchema },
      responses: { "200": json(profileViewSchema, "The profile."), ...errors(400, 404, ...AUTH_ERRORS) },
    },
  },
  [`${PROJECT_PATH}/catalog/events`]: {
    get: {
      tags: ["Catalog"],
      summary: "Event names seen",
      description: "The event names tracked in the project, by name, with how often and when they were first and last seen.",
      requestParams: { path: projectPathParams, query: catalogQuerySchema },
      responses: { "200": json(catalogEventListSchema, "The event names; `hasMore` when the limit cut the list."), ...errors(400, ...AUTH_ERRORS) },
    },
  },
  [`${PROJECT_PATH}/catalog/attributes`]: {
    get: {
      tags: ["Catalog"],
      summary: "Attribute paths seen",
      description: "The attribute paths tracked in the project (`user.plan`, `account.tier`, …) with the JSON type last seen, by path.",
      requestParams: { path: projectPathParams, query: catalogQuerySchema },
      responses: { "200": json(catalogAttributeListSchema, "The attribute paths; `hasMore` when the limit cut the list."), ...errors(400, ...AUTH_ERRORS) },
    },
  },
  [`${PROJECT_PATH}/audit`]: {
    get: {
      tags: ["Audit log"],
      summary: "Audit log",
      description:
        "Who changed what in the project, newest first: actor, action, entity, the entity before and after, and whether it touched a running personalization. Filter by `entity` (type) and `id`; page with `before`.",
      requestParams: { path: projectPathParams, query: auditQuerySchema },
      responses: { "200": json(auditListSchema, "A page of entries."), ...errors(400, ...AUTH_ERRORS) },
    },
  },
};

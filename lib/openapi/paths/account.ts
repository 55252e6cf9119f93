import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  acceptInviteSchema,
  changeRoleSchema,
  createdInviteSchema,
  inviteInfoSchema,
  inviteSchema,
  meSchema,
  memberSchema,
  pendingInviteSchema,
  roleSchema,
  signUpSchema,
} from "../../schemas/auth";
import { projectSchema, updateProjectSchema } from "../../services/projects/update-project";
import { AUTH_ERRORS, PROJECT_PATH, errors, json, projectPathParams } from "../common";

const tokenParams = z.object({ token: z.string().meta({ description: "The token of the invite link." }) });
const memberParams = projectPathParams.extend({ userId: z.string() });
const inviteParams = projectPathParams.extend({ inviteId: z.string() });
const sessionOnly = [{ sessionCookie: [] }];

export const accountPaths: ZodOpenApiPathsObject = {
  "/api/v1/instance": {
    get: {
      tags: ["Account"],
      summary: "Instance state",
      security: [],
      responses: { "200": json(z.object({ hasUsers: z.boolean() }), "Whether anyone has signed up yet.") },
    },
  },
  "/api/v1/sign-up": {
    post: {
      tags: ["Account"],
      summary: "Create the first account",
      description: "Only on an empty instance: the first user becomes owner of a new organization and project. Later users join by invitation.",
      security: [],
      requestBody: { content: { "application/json": { schema: signUpSchema } } },
      responses: {
        "201": json(z.object({ user: z.object({ id: z.string(), email: z.string() }), org: z.string(), project: z.string() }), "Signed up; now sign in."),
        ...errors(400, 403, 413, 415, 503),
      },
    },
  },
  "/api/v1/me": {
    get: {
      tags: ["Account"],
      summary: "The signed-in user",
      security: sessionOnly,
      responses: { "200": json(meSchema, "The user and the projects they can open."), ...errors(401, 503) },
    },
  },
  "/api/v1/invites/{token}": {
    get: {
      tags: ["Account"],
      summary: "Read an invitation",
      security: [],
      requestParams: { path: tokenParams },
      responses: { "200": json(inviteInfoSchema, "The invitation."), ...errors(400, 404, 503) },
    },
  },
  "/api/v1/invites/{token}/accept": {
    post: {
      tags: ["Account"],
      summary: "Accept an invitation",
      description: "A new person sets a password; someone with an account enters theirs.",
      security: [],
      requestParams: { path: tokenParams },
      requestBody: { content: { "application/json": { schema: acceptInviteSchema } } },
      responses: {
        "200": json(z.object({ email: z.string(), organization: z.string(), role: roleSchema }), "Joined."),
        ...errors(400, 401, 404, 409, 413, 415, 503),
      },
    },
  },
  [PROJECT_PATH]: {
    get: {
      tags: ["Projects"],
      summary: "Read the project",
      requestParams: { path: projectPathParams },
      responses: { "200": json(projectSchema, "The project."), ...errors(...AUTH_ERRORS) },
    },
    patch: {
      tags: ["Projects"],
      summary: "Rename the project or change its time zone",
      requestParams: { path: projectPathParams },
      requestBody: { content: { "application/json": { schema: updateProjectSchema } } },
      responses: { "200": json(projectSchema, "The updated project."), ...errors(400, 409, 413, 415, ...AUTH_ERRORS) },
    },
  },
  [`${PROJECT_PATH}/members`]: {
    get: {
      tags: ["Members"],
      summary: "List members and pending invitations",
      requestParams: { path: projectPathParams },
      responses: {
        "200": json(z.object({ members: z.array(memberSchema), invites: z.array(pendingInviteSchema) }), "The organization's people."),
        ...errors(...AUTH_ERRORS),
      },
    },
  },
  [`${PROJECT_PATH}/members/invites`]: {
    post: {
      tags: ["Members"],
      summary: "Invite someone",
      description: "Owners and admins, signed in. Bespoke sends no email: pass the returned link on.",
      security: sessionOnly,
      requestParams: { path: projectPathParams },
      requestBody: { content: { "application/json": { schema: inviteSchema } } },
      responses: { "201": json(createdInviteSchema, "The invitation and its link (shown once)."), ...errors(400, 409, 413, 415, ...AUTH_ERRORS) },
    },
  },
  [`${PROJECT_PATH}/members/invites/{inviteId}`]: {
    delete: {
      tags: ["Members"],
      summary: "Revoke an invitation",
      security: sessionOnly,
      requestParams: { path: inviteParams },
      responses: { "200": json(z.object({ id: z.string(), revoked: z.boolean() }), "Revoked."), ...errors(404, ...AUTH_ERRORS) },
    },
  },
  [`${PROJECT_PATH}/members/{userId}`]: {
    patch: {
      tags: ["Members"],
      summary: "Change a member's role",
      security: sessionOnly,
      requestParams: { path: memberParams },
      requestBody: { content: { "application/json": { schema: changeRoleSchema } } },
      responses: { "200": json(z.object({ userId: z.string(), role: roleSchema }), "Changed."), ...errors(400, 404, 409, 413, 415, ...AUTH_ERRORS) },
    },
    delete: {
      tags: ["Members"],
      summary: "Remove a member",
      security: sessionOnly,
      requestParams: { path: memberParams },
      responses: { "200": json(z.object({ userId: z.string(), removed: z.boolean() }), "Removed."), ...errors(404, 409, ...AUTH_ERRORS) },
    },
  },
};

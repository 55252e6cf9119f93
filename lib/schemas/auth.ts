import { z } from "zod";
import { ROLES } from "../auth/permissions";
import { nameSchema, timeZoneSchema } from "../validation/names";

export const MIN_PASSWORD_LENGTH = 10;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "must be an email address" }).max(254, "must be at most 254 characters"));

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, "must be at most 200 characters");

export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1, "enter your password") });

export const roleSchema = z.enum(ROLES, { message: `must be one of ${ROLES.join(", ")}` });

/** The first account of an empty instance: its user, organization and first project. */
export const signUpSchema = z
  .object({
    name: z.string().trim().max(100, "must be at most 100 characters").optional(),
    email: emailSchema,
    password: passwordSchema,
    organization: nameSchema("Organization name"),
    project: nameSchema("Project name"),
    timezone: timeZoneSchema.default("UTC"),
  })
  .meta({ id: "SignUp" });
export type SignUpInput = z.input<typeof signUpSchema>;

export const inviteSchema = z.object({ email: emailSchema, role: roleSchema }).meta({ id: "InviteRequest" });
export const acceptInviteSchema = z
  .object({ name: z.string().trim().max(100).optional(), password: passwordSchema })
  .meta({ id: "AcceptInvite" });
export const changeRoleSchema = z.object({ role: roleSchema }).meta({ id: "ChangeRole" });

export const memberSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    role: roleSchema,
    joinedAt: z.string(),
  })
  .meta({ id: "Member" });

export const pendingInviteSchema = z
  .object({ id: z.string(), email: z.string(), role: roleSchema, createdAt: z.string(), expiresAt: z.string() })
  .meta({ id: "PendingInvite" });

export const createdInviteSchema = z
  .object({
    invite: pendingInviteSchema,
    token: z.string().meta({ description: "Shown once: the invite link is `/invite/{token}`." }),
    path: z.string(),
  })
  .meta({ id: "CreatedInvite" });

export const inviteInfoSchema = z
  .object({ organization: z.string(), email: z.string(), role: roleSchema, accountExists: z.boolean(), expiresAt: z.string() })
  .meta({ id: "InviteInfo" });

export const projectAccessSchema = z
  .object({ org: z.string(), project: z.string(), role: roleSchema, timezone: z.string() })
  .meta({ id: "ProjectAccess" });

export const meSchema = z
  .object({
    user: z.object({ id: z.string(), email: z.string(), name: z.string().nullable() }),
    projects: z.array(projectAccessSchema),
  })
  .meta({ id: "Me" });

import { z } from "zod";
import "zod-openapi";
import { nameProblem } from "../validation/names";
import { isoDateTime } from "./common";

// --- Field helpers shared by the resource schemas (groups, segments, test profiles). ---------------
// PostgreSQL refuses a NUL character in text and, in jsonb, a NUL or a lone surrogate: caught here
// they are a 400 naming the field instead of a 500 from the database.

const NUL = "\u0000";
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(value: string): string | null {
  if (value.includes(NUL)) return "must not contain the NUL character (\\u0000)";
  if (LONE_SURROGATE.test(value)) return "must not contain an unpaired UTF-16 surrogate";
  return null;
}

/** Free text of at most `max` characters that the database can store. */
export function plainText(max: number) {
  return z
    .string()
    .max(max, `must be at most ${max} characters`)
    .superRefine((value, ctx) => {
      const problem = textProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

/** A required, trimmed display name. */
export function displayName(max = 200) {
  return z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    .superRefine((value, ctx) => {
      const problem = textProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

/** An optional description; `null` clears it on update. */
export const descriptionSchema = plainText(2000).nullish().meta({ description: "Free text, up to 2 000 characters." });

/**
 * A `^[a-zA-Z0-9_-]+$` name (selector group, segment key). The message names the offending
 * character (`lib/validation/names.ts`), without its trailing period: the error text adds its own.
 */
export function urlSafeName(what: string) {
  return z
    .string()
    .superRefine((value, ctx) => {
      const problem = nameProblem(value, what);
      if (problem) ctx.addIssue({ code: "custom", message: problem.replace(/\.$/, "") });
    })
    .meta({ pattern: "^[a-zA-Z0-9_-]+$" });
}

/** Where in a JSON value PostgreSQL's jsonb would refuse a string (a NUL, a lone surrogate). */
function jsonProblems(value: unknown, path: (string | number)[], out: { path: (string | number)[]; message: string }[]): void {
  if (out.length >= 10) return;
  if (typeof value === "string") {
    const problem = textProblem(value);
    if (problem) out.push({ path, message: problem });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => jsonProblems(item, [...path, i], out));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const problem = textProblem(key);
      if (problem) out.push({ path: [...path, key], message: `key ${problem}` });
      jsonProblems(item, [...path, key], out);
    }
  }
}

/** A JSON object the database can store as jsonb. */
export function jsonObject() {
  return z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
    const found: { path: (string | number)[]; message: string }[] = [];
    jsonProblems(value, [], found);
    for (const p of found) ctx.addIssue({ code: "custom", path: p.path, message: p.message });
  });
}

// --- Selector groups. ---------------------------------------------------------------------------

export const groupNameSchema = urlSafeName("Group name").meta({
  description: 'Unique in the project; letters, digits, "-" and "_" only (no spaces, no `* , / + =`).',
  example: "homepage",
});

const personalizationIdsSchema = z
  .array(z.string().min(1, "must not be empty").max(64, "is not a personalization id"))
  .max(1000, "at most 1 000 personalizations per group")
  .meta({ description: "The group's members. On update, the whole membership: ids left out are unassigned." });

export const createGroupSchema = z
  .strictObject({
    name: groupNameSchema,
    description: descriptionSchema,
    personalizationIds: personalizationIdsSchema.optional(),
  })
  .meta({ id: "CreateSelectorGroup" });
export type CreateGroupInput = z.output<typeof createGroupSchema>;

export const updateGroupSchema = z
  .strictObject({
    name: groupNameSchema.optional(),
    description: descriptionSchema,
    personalizationIds: personalizationIdsSchema.optional(),
  })
  .meta({ id: "UpdateSelectorGroup" });
export type UpdateGroupInput = z.output<typeof updateGroupSchema>;

export const groupMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  selector: z.string(),
  status: z.enum(["draft", "running", "paused", "archived"]),
});

export const groupSchema = z
  .object({
    id: z.string().meta({ example: "grp_7Xq2…" }),
    name: z.string(),
    description: z.string().nullable(),
    personalizations: z.array(groupMemberSchema).meta({ description: "Member personalizations, by name." }),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: "SelectorGroup" });
export type Group = z.infer<typeof groupSchema>;

export const groupListSchema = z.object({ groups: z.array(groupSchema) });

import { z } from "zod";
import "zod-openapi";
import { plainText, urlSafeName } from "./groups";
import { userIdSchema } from "./segments";

/** choose-api (SPEC §6.1): the request and the response, wire-compatible with Intempt's SDKs. */

export const MAX_SELECTORS = 100;
/** SPEC §6: choose-api bodies are at most 64 KiB. */
export const CHOOSE_BODY_LIMIT = 64 * 1024;

/** An identifier the database stores: non-empty, at most 256 characters, no control characters. */
export const identifierSchema = userIdSchema;

const sourceIdSchema = z
  .union([
    z.number().int("must be a whole number").min(1, "must be a positive number"),
    z.string().regex(/^[1-9][0-9]{0,9}$/, "must be a number or a numeric string"),
  ])
  .transform((v) => Number(v))
  .meta({ description: "The source (API key) id, a number or a numeric string.", example: 7 });

export const identificationSchema = z
  .object({
    sourceId: sourceIdSchema.nullish(),
    profileId: identifierSchema.nullish().meta({ description: "The anonymous (device) id.", example: "anon-1" }),
    userId: identifierSchema.nullish().meta({ description: "The known user's id.", example: "u-42" }),
    accountId: identifierSchema.nullish().meta({ example: "acme" }),
  })
  .superRefine((value, ctx) => {
    if (!value.profileId && !value.userId) {
      ctx.addIssue({ code: "custom", path: ["profileId"], message: "give at least one of profileId and userId" });
    }
  })
  .meta({ id: "Identification" });

const selectorList = (what: string) =>
  z
    .array(urlSafeName(what), { error: `must be an array of ${what.toLowerCase()}s` })
    .max(MAX_SELECTORS, `at most ${MAX_SELECTORS} ${what.toLowerCase()}s`)
    .nullish();

export const chooseRequestSchema = z
  .object({
    identification: identificationSchema,
    names: selectorList("Name").meta({ description: "API selectors, answered in this order.", example: ["welcome-back"] }),
    groups: selectorList("Group").meta({ description: "Selector groups: every running member is answered after the names.", example: ["homepage"] }),
    device: plainText(64).nullish().meta({ description: "`mobile`, `desktop` (`tablet` counts as mobile); absent or `all`: derived from `userAgent`.", example: "mobile" }),
    sessionId: identifierSchema.nullish().meta({ description: "The visit; without it a visit ends after 30 minutes of inactivity.", example: "s-1" }),
    optimizationType: z.enum(["personalization", "experiment"], { error: 'must be "personalization" or "experiment"' }).nullish(),
    url: plainText(4096).nullish().meta({ example: "https://shop.example/pricing" }),
    referrer: plainText(4096).nullish(),
    userAgent: plainText(2048).nullish(),
    attributes: z.record(z.string(), z.unknown(), { error: "must be a JSON object" }).nullish().meta({
      description: "Merged into the evaluation document for this call only.",
      example: { cart: { value: 120 } },
    }),
    recordExposure: z.boolean({ error: "must be true or false" }).nullish().meta({ description: "false: decide without writing anything. Default true." }),
    explain: z.boolean({ error: "must be true or false" }).nullish().meta({ description: "Return the decision traces (keys with the `manage` scope only)." }),
  })
  .superRefine((value, ctx) => {
    if ((value.names?.length ?? 0) === 0 && (value.groups?.length ?? 0) === 0) {
      ctx.addIssue({ code: "custom", path: ["names"], message: "ask for at least one name or group" });
    }
  })
  .meta({ id: "ChooseRequest" });
export type ChooseRequestInput = z.output<typeof chooseRequestSchema>;

export const reasonSchema = z.enum(["served", "control", "no_match", "not_running", "not_found", "render_error"]);

export const choiceSchema = z
  .object({
    name: z.string(),
    group: z.string().nullable().meta({ description: "The requested group this entry came from; null for a requested name." }),
    body: z.unknown().meta({ description: "The rendered payload when `reason` is `served`, else null." }),
    reason: reasonSchema,
    personalizationId: z.string().nullable(),
    experienceId: z.string().nullable(),
    experienceName: z.string().nullable(),
    variant: z.enum(["treatment", "control"]).nullable(),
  })
  .meta({ id: "Choice" });

export const traceSchema = z
  .record(z.string(), z.unknown())
  .meta({
    id: "DecisionTrace",
    description:
      "Per choice: each experience with its audience (every condition, passed or failed, with the actual value), device, schedule and frequency verdicts; the winner; the control bucket; the render outcome.",
  });

export const chooseResponseSchema = z
  .object({
    profileId: z.string().meta({ description: "The request's profileId (its userId when it sent none)." }),
    choices: z.array(choiceSchema),
    traces: z.array(traceSchema).optional().meta({ description: "Only with `explain: true`, parallel to `choices`." }),
  })
  .meta({ id: "ChooseResponse" });
export type ChooseResponse = z.infer<typeof chooseResponseSchema>;

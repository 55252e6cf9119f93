import { z } from "zod";
import "zod-openapi";
import { choiceSchema, MAX_SELECTORS, traceSchema } from "./choose";
import { isoDateTime } from "./common";
import { urlSafeName } from "./groups";
import { createTestProfileSchema } from "./test-profiles";

/** The console preview (SPEC §6.3 `preview`): a test profile against a selection of personalizations. */

export const inlineTestProfileSchema = createTestProfileSchema.omit({ name: true, description: true }).meta({
  id: "InlineTestProfile",
  description: "A visitor typed in place, in the shape of a saved test profile (without name and description).",
});

const selectorList = (what: string) => z.array(urlSafeName(what), { error: `must be an array of ${what.toLowerCase()}s` }).max(MAX_SELECTORS, `at most ${MAX_SELECTORS}`);

export const previewRequestSchema = z
  .strictObject({
    testProfileId: z.string().min(1, "must not be empty").max(64, "is not a test profile id").optional().meta({ description: "A saved test profile." }),
    profile: inlineTestProfileSchema.optional(),
    names: selectorList("Name").optional().meta({ example: ["welcome-back"] }),
    groups: selectorList("Group").optional(),
    all: z.boolean({ error: "must be true or false" }).optional().meta({ description: "Every personalization of the project (archived ones aside)." }),
    includeNotRunning: z.boolean({ error: "must be true or false" }).default(false).meta({ description: "Evaluate drafts and paused personalizations as if they were running." }),
    at: z.iso
      .datetime({ offset: true, message: "must be an ISO 8601 date-time with a time zone, e.g. 2026-11-28T12:00:00Z" })
      .optional()
      .meta({ description: "The instant to decide at; default: the test profile's instant, else now." }),
  })
  .superRefine((value, ctx) => {
    if ((value.testProfileId === undefined) === (value.profile === undefined)) {
      ctx.addIssue({ code: "custom", path: ["testProfileId"], message: "give either testProfileId or an inline profile, not both" });
    }
    const selected = (value.names?.length ?? 0) > 0 || (value.groups?.length ?? 0) > 0;
    if (value.all === true && selected) ctx.addIssue({ code: "custom", path: ["all"], message: "all: true selects everything; leave names and groups out" });
    if (value.all !== true && !selected) ctx.addIssue({ code: "custom", path: ["names"], message: "select personalizations: names, groups, or all: true" });
  })
  .meta({ id: "PreviewRequest" });
export type PreviewRequestInput = z.output<typeof previewRequestSchema>;

export const previewResponseSchema = z
  .object({
    at: isoDateTime.meta({ description: "The instant the decisions were made at." }),
    testProfile: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
    choices: z.array(choiceSchema).meta({ description: "As choose-api would answer, with rendered payloads." }),
    traces: z.array(traceSchema).meta({ description: "Parallel to `choices`: why each decision came out as it did." }),
    renderErrors: z.array(z.object({ name: z.string(), experienceId: z.string(), path: z.string(), message: z.string() })),
  })
  .meta({ id: "PreviewResponse" });
export type PreviewResponse = z.infer<typeof previewResponseSchema>;

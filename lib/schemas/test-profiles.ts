import { z } from "zod";
import "zod-openapi";
import { isoDateTime } from "./common";
import { descriptionSchema, displayName, jsonObject, plainText } from "./groups";
import { segmentKeySchema, userIdSchema } from "./segments";

const MAX_EVENTS = 1000;

const agoUnit = (max: number) => z.number().int("must be a whole number").min(0, "must be 0 or more").max(max, `must be at most ${max}`);

export const testProfileEventSchema = z
  .strictObject({
    name: displayName(200).meta({ example: "purchase" }),
    properties: jsonObject().optional().meta({ example: { amount: 30 } }),
    ago: z
      .strictObject({ days: agoUnit(3650).optional(), hours: agoUnit(100_000).optional(), minutes: agoUnit(10_000_000).optional() })
      .meta({ description: "How long before the preview instant the event happened; the parts add up." }),
  })
  .meta({ id: "TestProfileEvent" });

const absoluteUrl = z
  .url({ protocol: /^https?$/, message: "must be an absolute http(s) URL, e.g. https://shop.example/pricing" })
  .max(2048, "must be at most 2048 characters");

const fields = {
  description: descriptionSchema,
  userId: userIdSchema.nullish().meta({ description: "The known user this visitor is, if any (static segments are looked up by it)." }),
  attributes: jsonObject().meta({ description: "Profile attributes, seen by conditions as `user.*`.", example: { plan: "pro" } }),
  accountAttributes: jsonObject().meta({ description: "Account attributes, seen as `account.*`." }),
  requestAttributes: jsonObject().meta({ description: "Request `attributes`, merged into the evaluation document for the call." }),
  events: z.array(testProfileEventSchema).max(MAX_EVENTS, `at most ${MAX_EVENTS} events`),
  segments: z
    .array(segmentKeySchema)
    .max(1000, "at most 1 000 segments")
    .meta({ description: "Keys of the static segments this visitor is in (rule segments are evaluated, not listed)." }),
  device: z.enum(["mobile", "desktop"], { message: 'must be "mobile", "desktop" or null' }).nullish(),
  userAgent: plainText(1000).nullish(),
  url: absoluteUrl.nullish().meta({ description: "The page URL of the simulated request." }),
  referrer: absoluteUrl.nullish(),
  sessionId: plainText(256).nullish(),
  instant: z.iso
    .datetime({ offset: true, message: "must be an ISO 8601 date-time with a time zone, e.g. 2026-11-28T12:00:00Z" })
    .nullish()
    .meta({ description: "The moment the preview simulates; null = now." }),
};

export const createTestProfileSchema = z
  .strictObject({
    name: displayName(200).meta({ description: "Unique in the project.", example: "Lapsed subscriber on mobile" }),
    ...fields,
    attributes: fields.attributes.default({}),
    accountAttributes: fields.accountAttributes.default({}),
    requestAttributes: fields.requestAttributes.default({}),
    events: fields.events.default([]),
    segments: fields.segments.default([]),
  })
  .meta({ id: "CreateTestProfile" });
export type CreateTestProfileInput = z.output<typeof createTestProfileSchema>;

export const updateTestProfileSchema = z
  .strictObject({
    name: displayName(200).optional(),
    ...fields,
    attributes: fields.attributes.optional(),
    accountAttributes: fields.accountAttributes.optional(),
    requestAttributes: fields.requestAttributes.optional(),
    events: fields.events.optional(),
    segments: fields.segments.optional(),
  })
  .meta({ id: "UpdateTestProfile" });
export type UpdateTestProfileInput = z.output<typeof updateTestProfileSchema>;

export const testProfileSchema = z
  .object({
    id: z.string().meta({ example: "tpr_9Kd2…" }),
    name: z.string(),
    description: z.string().nullable(),
    userId: z.string().nullable(),
    attributes: z.record(z.string(), z.unknown()),
    accountAttributes: z.record(z.string(), z.unknown()),
    requestAttributes: z.record(z.string(), z.unknown()),
    events: z.array(
      z.object({
        name: z.string(),
        properties: z.record(z.string(), z.unknown()).optional(),
        ago: z.object({ days: z.number().optional(), hours: z.number().optional(), minutes: z.number().optional() }),
      }),
    ),
    segments: z.array(z.string()),
    device: z.enum(["mobile", "desktop"]).nullable(),
    userAgent: z.string().nullable(),
    url: z.string().nullable(),
    referrer: z.string().nullable(),
    sessionId: z.string().nullable(),
    instant: isoDateTime.nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: "TestProfile" });
export type TestProfile = z.infer<typeof testProfileSchema>;

export const testProfileListSchema = z.object({ testProfiles: z.array(testProfileSchema) });

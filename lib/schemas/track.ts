import { z } from "zod";
import "zod-openapi";
import { displayName, jsonObject, plainText } from "./groups";
import { identifierSchema } from "./choose";

/** track (SPEC §6.2): a batch of events and identity writes, wire-compatible with Intempt's SDKs. */

export const MAX_TRACK_ITEMS = 1000;
/** The name that makes an item an identity write instead of an event. */
export const IDENTIFY = "Identify";
/** Latest instant both JavaScript and PostgreSQL represent: 9999-12-31T23:59:59.999Z. */
const MAX_TIMESTAMP = 253_402_300_799_999;

export const trackPayloadItemSchema = z
  .object({
    eventId: plainText(200).min(1, "must not be empty").nullish().meta({
      description: "The idempotency key: an event retried with the same id is stored once. Generated when absent.",
      example: "0f8fad5b-d9cb-469f-a165-70867728950e",
    }),
    timestamp: z
      .number({ error: "must be epoch milliseconds (a number)" })
      .int("must be whole epoch milliseconds")
      .min(0, "must not be before 1970")
      .max(MAX_TIMESTAMP, "must be before the year 10000")
      .nullish()
      .meta({ description: "When it happened, epoch milliseconds; default: when it was received.", example: 1764300000000 }),
    profileId: identifierSchema.nullish(),
    userId: identifierSchema.nullish(),
    accountId: identifierSchema.nullish(),
    sessionId: identifierSchema.nullish(),
    data: jsonObject().nullish().meta({ description: "The event's properties.", example: { amount: 30 } }),
    userAttributes: jsonObject().nullish().meta({ description: "Deep-merged into the profile's `user.*` attributes; `null` removes a key." }),
    accountAttributes: jsonObject().nullish().meta({ description: "Deep-merged into `account.*`; `null` removes a key." }),
    anotherUserId: identifierSchema.nullish().meta({ description: "With `Identify`: another user id of the same person; the two profiles are merged." }),
  })
  .superRefine((value, ctx) => {
    if (!value.profileId && !value.userId) ctx.addIssue({ code: "custom", path: ["profileId"], message: "give at least one of profileId and userId" });
  })
  .meta({ id: "TrackPayloadItem" });
export type TrackPayloadItem = z.output<typeof trackPayloadItemSchema>;

export const trackEntrySchema = z
  .object({
    name: displayName(200).meta({ description: '`Identify` for an identity write; any other name is an event.', example: "purchase" }),
    payload: z.array(trackPayloadItemSchema, { error: "must be an array of items" }).min(1, "must hold at least one item").max(MAX_TRACK_ITEMS, `at most ${MAX_TRACK_ITEMS} items`),
  })
  .meta({ id: "TrackEntry" });

export const trackRequestSchema = z
  .object({
    track: z.array(trackEntrySchema, { error: "must be an array of { name, payload }" }).min(1, "must hold at least one entry").max(MAX_TRACK_ITEMS, `at most ${MAX_TRACK_ITEMS} entries`),
  })
  .superRefine((value, ctx) => {
    const items = value.track.reduce((sum, entry) => sum + entry.payload.length, 0);
    if (items > MAX_TRACK_ITEMS) ctx.addIssue({ code: "custom", path: ["track"], message: `a batch holds at most ${MAX_TRACK_ITEMS} items; this one has ${items}` });
  })
  .meta({ id: "TrackRequest" });
export type TrackRequestInput = z.output<typeof trackRequestSchema>;

export const trackResponseSchema = z
  .object({
    accepted: z.number().int().meta({ description: "Items stored or applied." }),
    duplicates: z.number().int().meta({ description: "Items whose eventId was already stored (not stored again)." }),
  })
  .meta({ id: "TrackResponse" });
export type TrackResponse = z.infer<typeof trackResponseSchema>;

export const sourcePathSchema = z.object({
  sourceId: z.string().regex(/^[1-9][0-9]{0,9}$/, "must be the numeric id of the source").transform(Number),
});

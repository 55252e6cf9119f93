import { z } from "zod";
import "zod-openapi";
import { isoDateTime } from "./common";
import { descriptionSchema, displayName, jsonObject, urlSafeName } from "./groups";

export const SEGMENT_TYPES = ["rule", "static"] as const;

/** At most this many user ids in one JSON request to `…/members`; larger lists go as CSV. */
export const MAX_JSON_MEMBERS = 10_000;
/** The body limit of a CSV upload to `…/members` (about 700 000 typical ids). */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;
/** The longest user id a static segment accepts. */
export const MAX_USER_ID_LENGTH = 256;

export const segmentKeySchema = urlSafeName("Segment key").meta({
  description: 'How conditions name the segment (`{"$segment": "<key>"}`); unique in the project.',
  example: "vip-customers",
});

const conditionSchema = jsonObject().meta({
  description:
    'A SPEC §3 audience condition (GrowthBook operators plus `$segment`, `$event`, `$everyone`), e.g. `{"user.plan": "pro"}`.',
  example: { "user.plan": "pro" },
});

const segmentType = z.enum(SEGMENT_TYPES, { message: 'must be "rule" (a saved condition) or "static" (a list of user ids)' });

const STATIC_HAS_NO_CONDITION = "a static segment has no condition: its members are user ids (POST …/segments/{id}/members)";

export const createSegmentSchema = z
  .strictObject({
    key: segmentKeySchema,
    name: displayName(),
    description: descriptionSchema,
    type: segmentType,
    condition: conditionSchema.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.type === "rule" && value.condition === undefined) {
      ctx.addIssue({ code: "custom", path: ["condition"], message: "a rule segment needs a condition" });
    }
    if (value.type === "static" && value.condition !== undefined) {
      ctx.addIssue({ code: "custom", path: ["condition"], message: STATIC_HAS_NO_CONDITION });
    }
  })
  .meta({ id: "CreateSegment" });
export type CreateSegmentInput = z.output<typeof createSegmentSchema>;

export const updateSegmentSchema = z
  .strictObject({
    key: segmentKeySchema.optional(),
    name: displayName().optional(),
    description: descriptionSchema,
    type: segmentType.optional().meta({ description: "Cannot change; accepted when it equals the current type." }),
    condition: conditionSchema.optional().meta({ description: "Rule segments only: the new condition." }),
  })
  .meta({ id: "UpdateSegment" });
export type UpdateSegmentInput = z.output<typeof updateSegmentSchema>;

export const segmentSchema = z
  .object({
    id: z.string().meta({ example: "seg_4Fh9…" }),
    key: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    type: z.enum(SEGMENT_TYPES),
    condition: z.record(z.string(), z.unknown()).nullable().meta({ description: "The condition of a rule segment; null for a static one." }),
    memberCount: z.number().int().nullable().meta({ description: "The number of user ids of a static segment; null for a rule one." }),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: "Segment" });
export type Segment = z.infer<typeof segmentSchema>;

export const segmentListSchema = z.object({ segments: z.array(segmentSchema) });

/** A user id as a static segment stores it: 1–256 characters, no control characters. */
export const userIdSchema = z
  .string()
  .min(1, "must not be empty")
  .max(MAX_USER_ID_LENGTH, `must be at most ${MAX_USER_ID_LENGTH} characters`)
   
  .regex(/^[^\u0000-\u001f\u007f]*$/, "must not contain control characters")
  .regex(/^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/, "must not contain an unpaired UTF-16 surrogate");

export const segmentMembersSchema = z
  .strictObject({
    userIds: z
      .array(userIdSchema)
      .min(1, "must list at least one user id")
      .max(MAX_JSON_MEMBERS, `at most ${MAX_JSON_MEMBERS} user ids per JSON request; upload larger lists as text/csv`),
  })
  .meta({ id: "SegmentMemberIds" });

export const addedMembersSchema = z
  .object({
    added: z.number().int().meta({ description: "User ids that were not members and now are." }),
    alreadyMembers: z.number().int().meta({ description: "User ids sent that were members already (or repeated in the request)." }),
    total: z.number().int().meta({ description: "The segment's member count after the change." }),
  })
  .meta({ id: "SegmentMembersAdded" });
export type AddedMembers = z.infer<typeof addedMembersSchema>;

export const removedMembersSchema = z
  .object({
    removed: z.number().int().meta({ description: "User ids that were members and no longer are." }),
    total: z.number().int(),
  })
  .meta({ id: "SegmentMembersRemoved" });
export type RemovedMembers = z.infer<typeof removedMembersSchema>;

export const segmentReferrerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("segment"), id: z.string(), key: z.string(), name: z.string() }),
  z.object({
    type: z.literal("experience"),
    id: z.string(),
    name: z.string(),
    personalizationId: z.string(),
    personalizationName: z.string(),
  }),
]);
export type SegmentReferrer = z.infer<typeof segmentReferrerSchema>;

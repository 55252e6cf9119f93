import { z } from "zod";
import "zod-openapi";
import { isoDateTime } from "./common";

const lookupValue = z.string().min(1, "must not be empty").max(256, "must be at most 256 characters");

export const profileQuerySchema = z
  .object({
    userId: lookupValue.optional().meta({ description: "The known user id." }),
    profileId: lookupValue.optional().meta({ description: "An anonymous profile (device) id." }),
  })
  .superRefine((value, ctx) => {
    const given = (value.userId === undefined ? 0 : 1) + (value.profileId === undefined ? 0 : 1);
    if (given !== 1) {
      ctx.addIssue({
        code: "custom",
        path: given === 0 ? ["userId"] : ["profileId"],
        message: given === 0 ? "give userId or profileId" : "give userId or profileId, not both",
      });
    }
  });
export type ProfileQuery = z.output<typeof profileQuerySchema>;

export const profileEventSchema = z.object({
  eventId: z.string(),
  name: z.string(),
  properties: z.record(z.string(), z.unknown()),
  sessionId: z.string().nullable(),
  occurredAt: isoDateTime,
  receivedAt: isoDateTime,
});

export const profileExposureSchema = z.object({
  personalizationId: z.string(),
  selector: z.string().nullable().meta({ description: "Null when the personalization has since been deleted." }),
  personalizationName: z.string().nullable(),
  experienceId: z.string(),
  experienceName: z.string().nullable(),
  arm: z.enum(["treatment", "control"]),
  visitId: z.string().nullable(),
  at: isoDateTime,
});

export const profileViewSchema = z
  .object({
    profile: z.object({
      id: z.string().meta({ description: "The internal id: the unit of control bucketing.", example: "prf_2Hk8…" }),
      userId: z.string().nullable(),
      profileIds: z.array(z.string()).meta({ description: "Anonymous ids (device ids) that resolve to this profile." }),
      accountId: z.string().nullable(),
      sourceId: z.number().int().nullable(),
      attributes: z.record(z.string(), z.unknown()),
      accountAttributes: z.record(z.string(), z.unknown()),
      mergedProfiles: z.array(z.string()).meta({ description: "Internal ids of the profiles merged into this one." }),
      firstSeenAt: isoDateTime,
      lastSeenAt: isoDateTime,
    }),
    events: z.array(profileEventSchema).meta({ description: "The 50 most recent events, newest first." }),
    exposures: z.array(profileExposureSchema).meta({ description: "The 50 most recent exposures, newest first." }),
  })
  .meta({ id: "Profile" });
export type ProfileView = z.infer<typeof profileViewSchema>;

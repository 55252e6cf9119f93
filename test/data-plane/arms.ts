// Which visitors land in which arm, computed the way the engine does, so tests need no luck.
import { assignArm, type Arm } from "@/lib/engine";
import { derivedProfileId } from "@/lib/services/profiles-identity/profile-key";
import type { TestProject } from "../support/fixtures";

/** The arm a first-seen anonymous visitor gets in a personalization. */
export function armOf(p: TestProject, personalizationId: string, controlPercent: number, by: { profileId?: string; userId?: string }): Arm {
  const id = derivedProfileId(p.ctx.project.id, { profileId: by.profileId ?? null, userId: by.userId ?? null });
  return assignArm(personalizationId, id, controlPercent, undefined).arm;
}

/** The first anonymous id `${stem}-N` that lands in `arm`. */
export function visitorIn(p: TestProject, personalizationId: string, controlPercent: number, arm: Arm, stem = "v"): string {
  for (let n = 0; n < 1000; n++) {
    const profileId = `${stem}-${n}`;
    if (armOf(p, personalizationId, controlPercent, { profileId }) === arm) return profileId;
  }
  throw new Error("no visitor found in that arm");
}

import { and, eq, notInArray } from "drizzle-orm";
import { experiences } from "../../../db/schema";
import type { Transaction } from "../../../db/client";
import type { ErrorDetail } from "../../errors";
import type { ExperienceDocumentInput } from "../../schemas/experiences";
import { experienceProblems, type CheckContext } from "./content-checks";
import type { ExperienceRow } from "./experience-view";

/** The stored fields of an experience, as a write sets them. */
export interface ExperienceValues {
  name: string;
  payload: unknown;
  audience: Record<string, unknown> | null;
  frequency: ExperienceRow["frequency"];
  devices: ExperienceRow["devices"];
  schedule: Record<string, unknown> | null;
  templateId: string | null;
}

/** An empty or absent schedule is stored as null: it does not restrict. */
export function normalizeSchedule(schedule: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  return schedule && Object.keys(schedule).length > 0 ? schedule : null;
}

/**
 * A document entry as stored values. Fields the entry leaves out keep `base`'s (an existing
 * experience being edited) or take the defaults: `{}` payload, no audience (needs setup),
 * `always` on `all` devices, no schedule.
 */
export function experienceValues(entry: ExperienceDocumentInput, index: number, base?: ExperienceRow): ExperienceValues {
  return {
    name: entry.name ?? base?.name ?? `Experience ${index + 1}`,
    payload: entry.payload !== undefined ? entry.payload : base ? base.payload : {},
    audience: entry.audience !== undefined ? entry.audience : (base?.audience ?? null),
    frequency: entry.display?.frequency ?? base?.frequency ?? "always",
    devices: entry.display?.devices ?? base?.devices ?? "all",
    schedule: entry.schedule !== undefined ? normalizeSchedule(entry.schedule) : (base?.schedule ?? null),
    templateId: base?.templateId ?? null,
  };
}

/** One experience of a new list: an existing one to keep (by id) or a new one. */
export interface ExperienceWrite {
  keepId?: string;
  values: ExperienceValues;
}

/** Save-time checks of a whole list, each problem under `experiences.<i>`. */
export function experienceListProblems(writes: ExperienceWrite[], ctx: CheckContext, at = "experiences"): ErrorDetail[] {
  return writes.flatMap((w, i) => experienceProblems(w.values, `${at}.${i}`, ctx));
}

/**
 * Makes the personalization's experiences exactly `writes`, in that priority order: kept ones are
 * updated in place (their ids, exposures and `once` claims survive), new ones inserted, the rest
 * deleted. The caller holds the personalization's row lock.
 */
export async function writeExperiences(
  tx: Transaction,
  target: { projectId: string; personalizationId: string },
  writes: ExperienceWrite[],
): Promise<void> {
  const keep = writes.flatMap((w) => (w.keepId ? [w.keepId] : []));
  await tx
    .delete(experiences)
    .where(
      keep.length > 0
        ? and(eq(experiences.personalizationId, target.personalizationId), notInArray(experiences.id, keep))
        : eq(experiences.personalizationId, target.personalizationId),
    );
  const inserts: (typeof experiences.$inferInsert)[] = [];
  for (const [i, w] of writes.entries()) {
    const values = { ...w.values, priority: i + 1 };
    if (w.keepId) {
      await tx.update(experiences).set(values).where(eq(experiences.id, w.keepId));
    } else {
      inserts.push({ ...values, projectId: target.projectId, personalizationId: target.personalizationId });
    }
  }
  if (inserts.length > 0) await tx.insert(experiences).values(inserts);
}

import type { experiences } from "../../../db/schema";
import type { Experience, ExportedExperience } from "../../schemas/experiences";
import { audienceStatus } from "./engine-checks";

export type ExperienceRow = typeof experiences.$inferSelect;

/** The document part of an experience: what export writes and import reads. */
export function toExportedExperience(row: ExperienceRow): ExportedExperience {
  return {
    name: row.name,
    payload: row.payload ?? null,
    audience: row.audience ?? null,
    display: { frequency: row.frequency, devices: row.devices },
    schedule: row.schedule ?? {},
  };
}

export function toExperienceView(row: ExperienceRow): Experience {
  return {
    id: row.id,
    priority: row.priority,
    status: audienceStatus(row.audience),
    ...toExportedExperience(row),
    templateId: row.templateId ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

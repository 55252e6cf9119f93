import { and, asc, eq } from "drizzle-orm";
import { experiences } from "../../../db/schema";
import type { Queryable } from "../../../db/client";
import { AppError } from "../../errors";
import type { ExperienceRow } from "./experience-view";

export async function findExperienceRow(db: Queryable, personalizationId: string, experienceId: string): Promise<ExperienceRow> {
  const [row] = await db
    .select()
    .from(experiences)
    .where(and(eq(experiences.id, experienceId), eq(experiences.personalizationId, personalizationId)));
  if (!row) throw new AppError("not_found", `Experience "${experienceId}" was not found in personalization "${personalizationId}".`);
  return row;
}

export async function listExperienceRows(db: Queryable, personalizationId: string): Promise<ExperienceRow[]> {
  return db
    .select()
    .from(experiences)
    .where(eq(experiences.personalizationId, personalizationId))
    .orderBy(asc(experiences.priority), asc(experiences.createdAt));
}

import { and, eq } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { testProfiles } from "../../../db/schema";
import { AppError } from "../../errors";
import type { TestProfileRow } from "./test-profile-view";

/** A test profile of the project by id, locked for the transaction when `lock` is set; a 404 otherwise. */
export async function findTestProfileRow(db: Queryable, projectId: string, id: string, lock = false): Promise<TestProfileRow> {
  const query = db
    .select()
    .from(testProfiles)
    .where(and(eq(testProfiles.projectId, projectId), eq(testProfiles.id, id)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new AppError("not_found", `Test profile "${id}" was not found.`);
  return row;
}

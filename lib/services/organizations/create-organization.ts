import { organizations } from "../../../db/schema";
import type { Database } from "../../../db/client";
import { isUniqueViolation } from "../../../db/errors";
import type { Actor } from "../../auth/permissions";
import { AppError } from "../../errors";
import { nameProblem } from "../../validation/names";
import { writeAudit } from "../audit/write-audit";

export interface Organization {
  id: string;
  name: string;
}

/** Creates an organization (from the CLI or the first sign-up). Its name appears in every API path. */
export async function createOrganization(
  { db, actor }: { db: Database; actor: Actor },
  input: { name: string; displayName?: string },
): Promise<Organization> {
  const problem = nameProblem(input.name, "Organization name");
  if (problem) throw new AppError("validation_failed", problem, [{ path: "name", message: problem }]);
  try {
    return await db.transaction(async (tx) => {
      const [org] = await tx
        .insert(organizations)
        .values({ name: input.name, displayName: input.displayName ?? input.name })
        .returning({ id: organizations.id, name: organizations.name });
      await writeAudit(tx, { actor, orgId: org.id, projectId: null }, {
        action: "organization.create",
        entityType: "organization",
        entityId: org.id,
        after: org,
      });
      return org;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `Organization "${input.name}" already exists.`);
    throw error;
  }
}

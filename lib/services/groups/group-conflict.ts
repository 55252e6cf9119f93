import { isUniqueViolation } from "../../../db/errors";
import { AppError } from "../../errors";

/** A taken group name is a 409 naming the field, not a database error. */
export function groupNameTaken(error: unknown, name: string | undefined): unknown {
  if (name !== undefined && isUniqueViolation(error, "selector_groups_project_name_key")) {
    return new AppError("conflict", `A selector group named "${name}" already exists in this project.`, [
      { path: "name", message: `"${name}" is taken` },
    ]);
  }
  return error;
}

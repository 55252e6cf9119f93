import { isUniqueViolation } from "../../../db/errors";
import { AppError } from "../../errors";

/** A taken test profile name is a 409 naming the field, not a database error. */
export function testProfileNameTaken(error: unknown, name: string | undefined): unknown {
  if (name !== undefined && isUniqueViolation(error, "test_profiles_project_name_key")) {
    return new AppError("conflict", `A test profile named "${name}" already exists in this project.`, [
      { path: "name", message: `"${name}" is taken` },
    ]);
  }
  return error;
}

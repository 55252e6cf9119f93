import { isUniqueViolation } from "../../../db/errors";
import { AppError } from "../../errors";

/** A taken segment key is a 409 naming the field, not a database error. */
export function segmentKeyTaken(error: unknown, key: string | undefined): unknown {
  if (key !== undefined && isUniqueViolation(error, "segments_project_key_key")) {
    return new AppError("conflict", `A segment with the key "${key}" already exists in this project.`, [
      { path: "key", message: `"${key}" is taken` },
    ]);
  }
  return error;
}

import { AppError } from "../../errors";

/**
 * The version a write expects, from the body's `version` or the `If-Match` header (which must agree
 * when both are sent). `required`: a PATCH of the personalization must say which version it edits.
 */
export function expectedVersion(bodyVersion: number | undefined, ifMatch: number | undefined, required = false): number | undefined {
  if (bodyVersion !== undefined && ifMatch !== undefined && bodyVersion !== ifMatch) {
    const message = `is ${bodyVersion} but the If-Match header says ${ifMatch}; send one version`;
    throw new AppError("validation_failed", `The request is invalid: version: ${message}.`, [{ path: "version", message }]);
  }
  const version = bodyVersion ?? ifMatch;
  if (required && version === undefined) {
    const message = "is required: send the version you last read (in the body, or as an If-Match header)";
    throw new AppError("validation_failed", `The request body is invalid: version: ${message}.`, [{ path: "version", message }]);
  }
  return version;
}

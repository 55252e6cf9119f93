import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { ApiClientError } from "@/lib/client/api";

/** The message to show for a failed call: the API's own words, or a plain fallback. */
export function errorMessage(error: unknown, fallback = "Something went wrong. Try again."): string {
  if (error instanceof ApiClientError) return error.message;
  if (error instanceof TypeError) return "Could not reach the server. Check your connection and try again.";
  return fallback;
}

/** A failure toast titled with what was being done ("Could not revoke the key") and the API's reason. */
export function toastError(title: string, error: unknown): void {
  const description = errorMessage(error);
  const requestId = error instanceof ApiClientError && error.status >= 500 ? error.requestId : null;
  toast.error(title, { description: requestId ? `${description} (request ${requestId})` : description });
}

/**
 * Puts the API's field errors (`details: [{ path, message }]`) on the form's fields. A path like
 * `scopes.0` lands on `scopes` when only that field exists. Returns whether any error was placed,
 * so the caller can fall back to a toast for the rest.
 */
export function applyFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): boolean {
  if (!(error instanceof ApiClientError)) return false;
  let placed = false;
  for (const [path, message] of Object.entries(error.fieldErrors())) {
    const field = fields
      .filter((f) => path === f || path.startsWith(`${f}.`))
      .sort((a, b) => b.length - a.length)[0];
    if (field) {
      setError(field, { type: "server", message: capitalize(message) }, { shouldFocus: !placed });
      placed = true;
    }
  }
  return placed;
}

function capitalize(message: string): string {
  return message.length > 0 ? message[0].toUpperCase() + message.slice(1) : message;
}

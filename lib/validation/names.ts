import { z } from "zod";

const NAME_CHARS = /^[a-zA-Z0-9_-]+$/;

/**
 * Why a name is not `^[a-zA-Z0-9_-]+$`, naming the first offending character ("contains a space",
 * "contains “*”"), or null when it is fine. Used for selectors, selector groups, organizations,
 * projects and segment keys.
 */
export function nameProblem(value: string, what: string): string | null {
  if (value.length === 0) return `${what} must not be empty.`;
  if (value.length > 100) return `${what} must be at most 100 characters.`;
  if (NAME_CHARS.test(value)) return null;
  for (const ch of value) {
    if (!/[a-zA-Z0-9_-]/.test(ch)) {
      const shown = ch === " " ? "a space" : /\s/.test(ch) ? "a whitespace character" : `"${ch}"`;
      return `${what} "${value}" contains ${shown}; only letters, digits, "-" and "_" are allowed.`;
    }
  }
  return `${what} is invalid.`;
}

/** A zod string that must be a valid name; the message names the offending character. */
export function nameSchema(what: string) {
  return z.string().superRefine((value, ctx) => {
    const problem = nameProblem(value, what);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

/** The canonical name of an IANA time zone, or null when the zone is unknown. */
export function canonicalTimeZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const timeZoneSchema = z.string().transform((zone, ctx) => {
  const canonical = canonicalTimeZone(zone);
  if (!canonical) {
    ctx.addIssue({ code: "custom", message: `"${zone}" is not an IANA time zone (e.g. "Europe/Berlin", "UTC").` });
    return z.NEVER;
  }
  return canonical;
});

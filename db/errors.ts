/** PostgreSQL error codes we act on; drizzle wraps driver errors, so look through `cause`. */
function sqlState(error: unknown): { code?: string; constraint?: string } {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) {
      return { code: e.code, constraint: typeof e.constraint === "string" ? e.constraint : undefined };
    }
    current = e.cause;
  }
  return {};
}

/** True for a unique-constraint violation (optionally of a given constraint or index). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const state = sqlState(error);
  if (state.code !== "23505") return false;
  return constraint === undefined || state.constraint === undefined || state.constraint === constraint;
}

export function isSerializationFailure(error: unknown): boolean {
  const code = sqlState(error).code;
  return code === "40001" || code === "40P01";
}

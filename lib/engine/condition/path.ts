/**
 * Dotted-path lookup with GrowthBook's rules: a step succeeds only on a non-null object that has
 * the key (own or inherited, as the `in` operator sees it, so `tags.length` reads an array's
 * length); anything else yields `null`, which is what "missing" means to every operator.
 */
export function splitPath(path: string): readonly string[] {
  return path.split(".");
}

export function getPath(doc: unknown, parts: readonly string[]): unknown {
  let current: unknown = doc;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (current !== null && typeof current === "object" && part in current) {
      current = (current as Record<string, unknown>)[part];
    } else {
      return null;
    }
  }
  return current;
}

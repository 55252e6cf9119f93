/** A LIKE pattern matching strings that start with `prefix`, its own `%`, `_` and `\` taken literally. */
export function prefixPattern(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

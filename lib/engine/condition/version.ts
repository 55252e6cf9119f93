/**
 * Version strings made comparable as plain strings, the way GrowthBook's `$v*` operators compare
 * them: a leading `v` and `+build` metadata are dropped, parts split on `.` and `-`, numeric parts
 * left-padded to five characters, and a release without a pre-release tag gets `~` appended (the
 * highest printable ASCII character) so `1.0.0` sorts after `1.0.0-rc.1`.
 */
const NUMERIC = /^[0-9]+$/;

export function paddedVersion(input: unknown): string {
  let text = typeof input === "number" ? String(input) : typeof input === "string" ? input : "";
  if (text === "") text = "0";
  const parts = text.replace(/^v|\+.*$/g, "").split(/[-.]/);
  if (parts.length === 3) parts.push("~");
  let out = "";
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i > 0) out += "-";
    out += NUMERIC.test(part) ? part.padStart(5, " ") : part;
  }
  return out;
}

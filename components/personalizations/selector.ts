// The selector a new personalization gets from its name (SPEC §1, decision 040). The server derives
// it the same way when none is sent; the console shows it while the user types the name, so what
// they see is what choose-api will be asked for. Keep in step with lib/services/personalizations/selector.ts.

const MAX_BASE = 90;

export function deriveSelector(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim()
    .replace(/\s+/g, "-")
    .replace(/[^a-z0-9_-]/g, "")
    .replace(/-{2,}/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "")
    .slice(0, MAX_BASE)
    .replace(/[-_]+$/g, "");
  return slug || "personalization";
}

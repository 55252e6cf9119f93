import { and, eq, like, ne, or } from "drizzle-orm";
import { personalizations } from "../../../db/schema";
import type { Queryable } from "../../../db/client";
import { AppError } from "../../errors";

const MAX_BASE = 90; // leaves room for a "-NNN" suffix within the 100-character limit

/**
 * A selector from a personalization's name (SPEC §1): lower-case, accents dropped, whitespace → `-`,
 * any other character outside `[a-z0-9_-]` removed, runs of `-` collapsed.
 */
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

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `base` if no personalization of the project uses it, else the first free `base-2`, `base-3`… */
export async function firstFreeSelector(db: Queryable, projectId: string, base: string): Promise<string> {
  const rows = await db
    .select({ selector: personalizations.selector })
    .from(personalizations)
    .where(
      and(
        eq(personalizations.projectId, projectId),
        or(eq(personalizations.selector, base), like(personalizations.selector, `${escapeLike(base)}-%`)),
      ),
    );
  const taken = new Set(rows.map((r) => r.selector));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function selectorTaken(selector: string): AppError {
  const message = `Selector "${selector}" is already used by another personalization of this project (archived ones keep theirs).`;
  return new AppError("conflict", message, [{ path: "selector", message }]);
}

/** 409 when another personalization of the project has `selector`. */
export async function assertSelectorFree(db: Queryable, projectId: string, selector: string, exceptId?: string): Promise<void> {
  const [row] = await db
    .select({ id: personalizations.id })
    .from(personalizations)
    .where(
      and(
        eq(personalizations.projectId, projectId),
        eq(personalizations.selector, selector),
        exceptId ? ne(personalizations.id, exceptId) : undefined,
      ),
    );
  if (row) throw selectorTaken(selector);
}

export const SELECTOR_INDEX = "personalizations_project_selector_key";

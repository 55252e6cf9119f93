import { isUniqueViolation } from "../../../db/errors";
import { parseValue } from "../../http/parse-body";
import { personalizationDocumentSchema } from "../../schemas/personalization-document";
import type { Personalization } from "../../schemas/personalizations";
import type { ServiceContext } from "../context";
import { projectSegmentKeys, throwIfProblems } from "../experiences/content-checks";
import { experienceListProblems, experienceValues } from "../experiences/write-experiences";
import { projectChanged } from "../project-changed";
import { requireAccess } from "../require-access";
import { insertPersonalization } from "./insert-personalization";
import { SELECTOR_INDEX, assertSelectorFree, deriveSelector, firstFreeSelector, selectorTaken } from "./selector";

/**
 * Creates a draft from a personalization document (SPEC §6.3). Without `experiences` it gets one
 * empty experience (`needs_setup`). Without `selector` one is derived from the name and made unique
 * with `-2`, `-3`…; an explicit selector that is taken is a 409.
 */
export async function createPersonalization(ctx: ServiceContext, input: unknown): Promise<Personalization> {
  requireAccess(ctx, "write");
  const doc = parseValue(input, personalizationDocumentSchema);
  const check = { segmentKeys: await projectSegmentKeys(ctx.db, ctx.project.id), timezone: ctx.project.timezone };
  const writes = (doc.experiences ?? [{}]).map((entry, i) => ({ values: experienceValues(entry, i) }));
  throwIfProblems(experienceListProblems(writes, check), "personalization");

  for (let attempt = 0; ; attempt++) {
    try {
      const view = await ctx.db.transaction(async (tx) => {
        let selector: string;
        if (doc.selector !== undefined) {
          await assertSelectorFree(tx, ctx.project.id, doc.selector);
          selector = doc.selector;
        } else {
          selector = await firstFreeSelector(tx, ctx.project.id, deriveSelector(doc.name));
        }
        return insertPersonalization(tx, ctx, doc, selector, writes, "personalization.create");
      });
      await projectChanged(ctx);
      return view;
    } catch (error) {
      if (!isUniqueViolation(error, SELECTOR_INDEX)) throw error;
      // Someone took the selector between our check and our insert: explicit → 409, derived → next free one.
      if (doc.selector !== undefined) throw selectorTaken(doc.selector);
      if (attempt >= 4) throw selectorTaken(deriveSelector(doc.name));
    }
  }
}

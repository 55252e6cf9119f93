import { isUniqueViolation } from "../../../db/errors";
import type { ErrorDetail } from "../../errors";
import { parseValue } from "../../http/parse-body";
import { updatePersonalizationSchema, type Personalization, type UpdatePersonalizationInput } from "../../schemas/personalizations";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../context";
import { experienceProblems, projectSegmentKeys, throwIfProblems, type CheckContext } from "../experiences/content-checks";
import { experienceValues, writeExperiences, type ExperienceWrite } from "../experiences/write-experiences";
import { writeMetrics, type MetricWrite } from "../metrics/write-metrics";
import { projectChanged } from "../project-changed";
import { auditScope, requireAccess } from "../require-access";
import { assignGroups } from "./assign-groups";
import { expectedVersion } from "./expected-version";
import { bumpVersion, lockPersonalization } from "./lock-personalization";
import { loadPartsOf, toPersonalizationView, type PersonalizationParts } from "./personalization-view";
import { SELECTOR_INDEX, assertSelectorFree, selectorTaken } from "./selector";

/**
 * Applies a partial document (SPEC §6.3) under optimistic concurrency: `version` in the body or
 * `If-Match` is required, a stale one is a 409 with the current version. Allowed in every status;
 * an edit of a running personalization is audited `whileRunning`.
 */
export async function updatePersonalization(
  ctx: ServiceContext,
  id: string,
  input: unknown,
  options: { ifMatch?: number } = {},
): Promise<Personalization> {
  requireAccess(ctx, "write");
  const patch = parseValue(input, updatePersonalizationSchema);
  const version = expectedVersion(patch.version, options.ifMatch, true);
  const check: CheckContext = {
    segmentKeys: patch.experiences ? await projectSegmentKeys(ctx.db, ctx.project.id) : new Set(),
    timezone: ctx.project.timezone,
  };
  try {
    const view = await ctx.db.transaction(async (tx) => {
      const row = await lockPersonalization(tx, ctx.project.id, id, version);
      const before = await loadPartsOf(tx, row);
      const target = { projectId: ctx.project.id, personalizationId: row.id };
      const experienceWrites = patch.experiences ? planExperiences(patch.experiences, before, check) : null;
      const metricWrites = patch.metrics ? planMetrics(patch.metrics, before) : null;
      if (patch.selector !== undefined && patch.selector !== row.selector) await assertSelectorFree(tx, ctx.project.id, patch.selector, row.id);

      if (experienceWrites) await writeExperiences(tx, target, experienceWrites);
      if (metricWrites) await writeMetrics(tx, target, metricWrites);
      if (patch.groups) await assignGroups(tx, auditScope(ctx), target, patch.groups);
      const updated = await bumpVersion(tx, row, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.selector !== undefined ? { selector: patch.selector } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.controlPercent !== undefined ? { controlPercent: patch.controlPercent } : {}),
      });
      const after = toPersonalizationView(await loadPartsOf(tx, updated));
      await writeAudit(tx, auditScope(ctx), {
        action: "personalization.update",
        entityType: "personalization",
        entityId: row.id,
        before: toPersonalizationView(before),
        after,
        whileRunning: row.status === "running",
      });
      return after;
    });
    await projectChanged(ctx);
    return view;
  } catch (error) {
    if (patch.selector !== undefined && isUniqueViolation(error, SELECTOR_INDEX)) throw selectorTaken(patch.selector);
    throw error;
  }
}

/** The new experience list: entries with `id` edit that experience (absent fields kept), others are new. */
function planExperiences(
  entries: NonNullable<UpdatePersonalizationInput["experiences"]>,
  before: PersonalizationParts,
  check: CheckContext,
): ExperienceWrite[] {
  const byId = new Map(before.experiences.map((e) => [e.id, e]));
  const seen = new Set<string>();
  const problems: ErrorDetail[] = [];
  const writes = entries.map((entry, i): ExperienceWrite => {
    const at = `experiences.${i}`;
    const base = entry.id === undefined ? undefined : byId.get(entry.id);
    if (entry.id !== undefined) {
      if (!base) problems.push({ path: `${at}.id`, message: `"${entry.id}" is not an experience of this personalization` });
      else if (seen.has(entry.id)) problems.push({ path: `${at}.id`, message: `"${entry.id}" is listed twice` });
      seen.add(entry.id);
    }
    // An edited experience is checked on what the entry changes; a new one on everything.
    const values = experienceValues(entry, i, base);
    problems.push(...experienceProblems(base ? { payload: entry.payload, audience: entry.audience, schedule: entry.schedule } : values, at, check));
    return { keepId: base?.id, values };
  });
  throwIfProblems(problems);
  return writes;
}

function planMetrics(entries: NonNullable<UpdatePersonalizationInput["metrics"]>, before: PersonalizationParts): MetricWrite[] {
  const byId = new Map(before.metrics.map((m) => [m.id, m]));
  const seen = new Set<string>();
  const problems: ErrorDetail[] = [];
  const writes = entries.map(({ id, ...values }, i): MetricWrite => {
    const keep = id === undefined ? undefined : byId.get(id);
    if (id !== undefined) {
      if (!keep) problems.push({ path: `metrics.${i}.id`, message: `"${id}" is not a metric of this personalization` });
      else if (seen.has(id)) problems.push({ path: `metrics.${i}.id`, message: `"${id}" is listed twice` });
      seen.add(id);
    }
    return { keep, values };
  });
  throwIfProblems(problems);
  return writes;
}

import { asc, eq } from "drizzle-orm";
import { experiences, metrics, selectorGroupMembers, selectorGroups } from "../../../db/schema";
import type { Queryable } from "../../../db/client";
import type { ExportedDocument } from "../../schemas/personalization-document";
import type { Personalization } from "../../schemas/personalizations";
import { toExperienceView, toExportedExperience, type ExperienceRow } from "../experiences/experience-view";
import { toExportedMetric, toMetricView, type MetricRow } from "../metrics/metric-view";
import { findPersonalizationRow, type PersonalizationRow } from "./lock-personalization";

/** A personalization with everything it is made of, as stored. */
export interface PersonalizationParts {
  row: PersonalizationRow;
  experiences: ExperienceRow[];
  metrics: MetricRow[];
  groups: string[];
}

export async function loadParts(db: Queryable, projectId: string, id: string): Promise<PersonalizationParts> {
  return loadPartsOf(db, await findPersonalizationRow(db, projectId, id));
}

/**
 * One query after the other, not side by side: `db` is often a transaction, that is one
 * connection, and the driver deprecates (pg 9 will refuse) a query sent while another runs.
 */
export async function loadPartsOf(db: Queryable, row: PersonalizationRow): Promise<PersonalizationParts> {
  const experienceRows = await db
    .select()
    .from(experiences)
    .where(eq(experiences.personalizationId, row.id))
    .orderBy(asc(experiences.priority), asc(experiences.createdAt));
  const metricRows = await db.select().from(metrics).where(eq(metrics.personalizationId, row.id)).orderBy(asc(metrics.position), asc(metrics.createdAt));
  const groupRows = await db
    .select({ name: selectorGroups.name })
    .from(selectorGroupMembers)
    .innerJoin(selectorGroups, eq(selectorGroups.id, selectorGroupMembers.groupId))
    .where(eq(selectorGroupMembers.personalizationId, row.id))
    .orderBy(asc(selectorGroups.name));
  return { row, experiences: experienceRows, metrics: metricRows, groups: groupRows.map((g) => g.name) };
}

export function toPersonalizationView(parts: PersonalizationParts): Personalization {
  const { row } = parts;
  return {
    id: row.id,
    name: row.name,
    selector: row.selector,
    type: row.type,
    description: row.description ?? null,
    status: row.status,
    controlPercent: row.controlPercent,
    version: row.version,
    groups: parts.groups,
    metrics: parts.metrics.map(toMetricView),
    experiences: parts.experiences.map(toExperienceView),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    pausedAt: row.pausedAt?.toISOString() ?? null,
    archivedAt: row.archivedAt?.toISOString() ?? null,
  };
}

/** The self-contained document: no ids, no version, no status — templates already copied into payloads. */
export function toExportedDocument(parts: PersonalizationParts): ExportedDocument {
  const { row } = parts;
  return {
    name: row.name,
    selector: row.selector,
    type: row.type,
    ...(row.description ? { description: row.description } : {}),
    controlPercent: row.controlPercent,
    groups: parts.groups,
    metrics: parts.metrics.map(toExportedMetric),
    experiences: parts.experiences.map(toExportedExperience),
  };
}

export async function loadPersonalizationView(db: Queryable, projectId: string, id: string): Promise<Personalization> {
  return toPersonalizationView(await loadParts(db, projectId, id));
}

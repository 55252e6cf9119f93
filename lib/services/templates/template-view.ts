import { and, eq } from "drizzle-orm";
import { templates } from "../../../db/schema";
import type { Queryable } from "../../../db/client";
import { AppError } from "../../errors";
import type { Template } from "../../schemas/templates";

export type TemplateRow = typeof templates.$inferSelect;

export function toTemplateView(row: TemplateRow): Template {
  return {
    id: row.id,
    name: row.name,
    description: row.description ?? null,
    payload: row.payload ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function findTemplateRow(db: Queryable, projectId: string, id: string): Promise<TemplateRow> {
  const [row] = await db.select().from(templates).where(and(eq(templates.id, id), eq(templates.projectId, projectId)));
  if (!row) throw new AppError("not_found", `Template "${id}" was not found in this project.`);
  return row;
}

export function templateNameTaken(name: string): AppError {
  const message = `A template named "${name}" already exists in this project.`;
  return new AppError("conflict", message, [{ path: "name", message }]);
}

export const TEMPLATE_NAME_INDEX = "templates_project_name_key";

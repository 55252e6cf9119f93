import { parseValue } from "../../http/parse-body";
import { createTemplateSchema, type Template } from "../../schemas/templates";
import type { ServiceContext } from "../context";
import { payloadProblems, throwIfProblems } from "../experiences/content-checks";
import { requireAccess } from "../require-access";
import { insertTemplate } from "./insert-template";

/**
 * Saves a named payload that new experiences can start from. Templates are copied into experiences,
 * never linked, so no template write changes what choose-api serves (no cache invalidation).
 */
export async function createTemplate(ctx: ServiceContext, input: unknown): Promise<Template> {
  requireAccess(ctx, "write");
  const { name, description, payload } = parseValue(input, createTemplateSchema);
  const value = payload === undefined ? {} : payload;
  throwIfProblems(payloadProblems(value, "payload", ctx.project.timezone));
  return insertTemplate(ctx, { name, description, payload: value });
}

import { z } from "zod";
import { withAuth } from "../../http/with-auth";
import { parseBody, parseValue } from "../../http/parse-body";
import { createTemplate } from "../../services/templates/create-template";
import { deleteTemplate } from "../../services/templates/delete-template";
import { getTemplate } from "../../services/templates/get-template";
import { listTemplates } from "../../services/templates/list-templates";
import { updateTemplate } from "../../services/templates/update-template";

const idOf = (params: Record<string, string>) => parseValue(params, z.object({ id: z.string().min(1) }), "path").id;
const manage = { scope: "manage" } as const;

export const listTemplatesHandler = withAuth(async (_req, ctx) => ({ status: 200, body: { templates: await listTemplates(ctx) } }), manage);

export const createTemplateHandler = withAuth(
  async (req, ctx) => ({ status: 201, body: await createTemplate(ctx, await parseBody(req, z.unknown())) }),
  manage,
);

export const getTemplateHandler = withAuth(async (req, ctx) => ({ status: 200, body: await getTemplate(ctx, idOf(req.params)) }), manage);

export const updateTemplateHandler = withAuth(
  async (req, ctx) => ({ status: 200, body: await updateTemplate(ctx, idOf(req.params), await parseBody(req, z.unknown())) }),
  manage,
);

export const deleteTemplateHandler = withAuth(async (req, ctx) => {
  await deleteTemplate(ctx, idOf(req.params));
  return { status: 204 };
}, manage);

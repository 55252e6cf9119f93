import { z } from "zod";
import { withAuth } from "../../http/with-auth";
import { parseBody, parseQuery, parseValue } from "../../http/parse-body";
import { listPersonalizationsQuerySchema } from "../../schemas/personalizations";
import { archivePersonalization } from "../../services/personalizations/archive-personalization";
import { createPersonalization } from "../../services/personalizations/create-personalization";
import { deletePersonalization } from "../../services/personalizations/delete-personalization";
import { exportPersonalization } from "../../services/personalizations/export-personalization";
import { getPersonalization } from "../../services/personalizations/get-personalization";
import { importPersonalization } from "../../services/personalizations/import-personalization";
import { listPersonalizations } from "../../services/personalizations/list-personalizations";
import { pausePersonalization } from "../../services/personalizations/pause-personalization";
import { startPersonalization } from "../../services/personalizations/start-personalization";
import { updatePersonalization } from "../../services/personalizations/update-personalization";
import { etag, ifMatchVersion, versionOf } from "./request-helpers";

const idParam = z.object({ id: z.string().min(1) });
const idOf = (params: Record<string, string>) => parseValue(params, idParam, "path").id;
const manage = { scope: "manage" } as const;

export const listPersonalizationsHandler = withAuth(
  async (req, ctx) => ({ status: 200, body: { personalizations: await listPersonalizations(ctx, parseQuery(req, listPersonalizationsQuerySchema)) } }),
  manage,
);

export const createPersonalizationHandler = withAuth(async (req, ctx) => {
  const personalization = await createPersonalization(ctx, await parseBody(req, z.unknown()));
  return { status: 201, headers: etag(personalization.version), body: personalization };
}, manage);

export const getPersonalizationHandler = withAuth(async (req, ctx) => {
  const personalization = await getPersonalization(ctx, idOf(req.params));
  return { status: 200, headers: etag(personalization.version), body: personalization };
}, manage);

export const updatePersonalizationHandler = withAuth(async (req, ctx) => {
  const id = idOf(req.params);
  const ifMatch = ifMatchVersion(req);
  const personalization = await updatePersonalization(ctx, id, await parseBody(req, z.unknown()), { ifMatch });
  return { status: 200, headers: etag(personalization.version), body: personalization };
}, manage);

export const deletePersonalizationHandler = withAuth(async (req, ctx) => {
  await deletePersonalization(ctx, idOf(req.params), { version: await versionOf(req) });
  return { status: 204 };
}, manage);

type Lifecycle = typeof startPersonalization;
const lifecycle = (verb: Lifecycle) =>
  withAuth(async (req, ctx) => {
    const personalization = await verb(ctx, idOf(req.params), { version: await versionOf(req) });
    return { status: 200, headers: etag(personalization.version), body: personalization };
  }, manage);

export const startPersonalizationHandler = lifecycle(startPersonalization);
export const pausePersonalizationHandler = lifecycle(pausePersonalization);
export const archivePersonalizationHandler = lifecycle(archivePersonalization);

export const exportPersonalizationHandler = withAuth(
  async (req, ctx) => ({ status: 200, body: await exportPersonalization(ctx, idOf(req.params)) }),
  manage,
);

export const importPersonalizationHandler = withAuth(async (req, ctx) => {
  const ifMatch = ifMatchVersion(req);
  const { created, personalization } = await importPersonalization(ctx, await parseBody(req, z.unknown()), { ifMatch });
  return { status: created ? 201 : 200, headers: etag(personalization.version), body: personalization };
}, manage);

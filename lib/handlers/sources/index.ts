import { z } from "zod";
import { withAuth } from "../../http/with-auth";
import { parseBody, parseValue } from "../../http/parse-body";
import { createSourceSchema } from "../../schemas/sources";
import { createSource } from "../../services/sources/create-source";
import { getSource } from "../../services/sources/get-source";
import { listSources } from "../../services/sources/list-sources";
import { renameSource } from "../../services/sources/rename-source";
import { revokeSource } from "../../services/sources/revoke-source";

const idParam = z.object({ sourceId: z.coerce.number().int().positive("must be a positive integer") });

export const listSourcesHandler = withAuth(async (_req, ctx) => ({ status: 200, body: { sources: await listSources(ctx) } }), {
  scope: "manage",
});

export const createSourceHandler = withAuth(
  async (req, ctx) => ({ status: 201, body: await createSource(ctx, await parseBody(req, createSourceSchema)) }),
  { scope: "manage", access: "admin" },
);

export const getSourceHandler = withAuth(
  async (req, ctx) => ({ status: 200, body: await getSource(ctx, parseValue(req.params, idParam, "path").sourceId) }),
  { scope: "manage" },
);

export const renameSourceHandler = withAuth(
  async (req, ctx) => ({
    status: 200,
    body: await renameSource(ctx, parseValue(req.params, idParam, "path").sourceId, await parseBody(req, z.unknown())),
  }),
  { scope: "manage", access: "admin" },
);

/** DELETE revokes: the key stops working at once, and stays listed as revoked for the record. */
export const revokeSourceHandler = withAuth(
  async (req, ctx) => ({ status: 200, body: await revokeSource(ctx, { id: parseValue(req.params, idParam, "path").sourceId }) }),
  { scope: "manage", access: "admin" },
);

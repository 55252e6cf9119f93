import { parseQuery } from "../../http/parse-body";
import { withAuth } from "../../http/with-auth";
import { catalogQuerySchema } from "../../schemas/catalog";
import { listCatalogAttributes } from "../../services/catalog/list-catalog-attributes";
import { listCatalogEvents } from "../../services/catalog/list-catalog-events";

export const listCatalogEventsHandler = withAuth(
  async (req, ctx) => ({ status: 200, body: await listCatalogEvents(ctx, parseQuery(req, catalogQuerySchema)) }),
  { scope: "manage" },
);

export const listCatalogAttributesHandler = withAuth(
  async (req, ctx) => ({ status: 200, body: await listCatalogAttributes(ctx, parseQuery(req, catalogQuerySchema)) }),
  { scope: "manage" },
);

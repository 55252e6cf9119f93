import { parseQuery } from "../../http/parse-body";
import { withAuth } from "../../http/with-auth";
import { auditQuerySchema } from "../../schemas/audit";
import { listAudit } from "../../services/audit/list-audit";

export const listAuditHandler = withAuth(
  async (req, ctx) => ({ status: 200, body: await listAudit(ctx, parseQuery(req, auditQuerySchema)) }),
  { scope: "manage" },
);

import { z } from "zod";
import { parseQuery, parseValue } from "../../http/parse-body";
import { withAuth } from "../../http/with-auth";
import { resultsQuerySchema } from "../../schemas/results";
import { getPersonalizationResults } from "../../services/analytics/get-results";
import { resultsCsv, resultsFilename } from "../../services/analytics/results-csv";

const idParam = z.object({ id: z.string().min(1) });
const manage = { scope: "manage", access: "read" } as const;

export const getResultsHandler = withAuth(async (req, ctx) => {
  const { id } = parseValue(req.params, idParam, "path");
  return { status: 200, body: await getPersonalizationResults(ctx, id, parseQuery(req, resultsQuerySchema)) };
}, manage);

export const getResultsCsvHandler = withAuth(async (req, ctx) => {
  const { id } = parseValue(req.params, idParam, "path");
  const results = await getPersonalizationResults(ctx, id, parseQuery(req, resultsQuerySchema));
  return {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${resultsFilename(results)}"`,
    },
    body: resultsCsv(results),
  };
}, manage);

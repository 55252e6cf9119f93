import { z } from "zod";
import { getDbHandle } from "../../db/connection";
import { runCli } from "../cli/commands";
import { AppError } from "../errors";
import { parseBody } from "../http/parse-body";
import type { ApiHandler } from "../http/types";
import { isServerToken } from "../server/server-info";

const bodySchema = z.object({ argv: z.array(z.string()).max(20) });

/**
 * The CLI's door into a server that holds the embedded database. Only a caller that could read the
 * server's token from its data directory gets through; anyone else gets a 404, as if it did not exist.
 */
export const cliHandler: ApiHandler = async (req) => {
  if (!isServerToken(req.header("x-bespoke-cli-token"))) throw new AppError("not_found", "Not found.");
  const { argv } = await parseBody(req, bodySchema);
  const handle = await getDbHandle();
  return { status: 200, body: await runCli(handle, argv) };
};

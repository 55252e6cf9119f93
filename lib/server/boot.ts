import { getDbHandle } from "../../db/connection";
import { migrationStatus } from "../../db/migrate";
import { env } from "../env";
import { logger } from "../logger";
import { writeServerInfo } from "./server-info";

/**
 * Runs once when the Next.js server starts (instrumentation.ts): validates the environment, opens
 * the database and applies pending migrations. A bad environment stops the process with a message
 * naming the variable.
 */
export async function boot(): Promise<void> {
  const e = env();
  const handle = await getDbHandle();
  const status = await migrationStatus(handle);
  if (handle.mode === "pglite") writeServerInfo(e.BESPOKE_DATA_DIR, Number(process.env.PORT ?? e.PORT));
  logger.info(
    { database: handle.mode, location: handle.location, migrations: `${status.applied}/${status.expected}` },
    "bespoke ready",
  );
}

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

/** Boots, or stops the process with a message a person can act on (e.g. which variable is bad). */
export async function bootOrExit(): Promise<void> {
  try {
    await boot();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.fatal({ err: error }, message);
    console.error(`\nBespoke could not start: ${message}\n`);
    process.exit(1);
  }
}

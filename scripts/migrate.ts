// npm run db:migrate — apply the committed migrations to DATABASE_URL, or to the embedded database.
import { openDatabase } from "../db/client";
import { migrationStatus, runMigrations } from "../db/migrate";
import { env } from "../lib/env";

async function main(): Promise<void> {
  const e = env();
  const handle = await openDatabase({ url: e.DATABASE_URL, dataDir: e.BESPOKE_DATA_DIR, poolMax: 2, lock: true });
  try {
    const before = await migrationStatus(handle);
    await runMigrations(handle);
    const after = await migrationStatus(handle);
    const applied = after.applied - before.applied;
    console.log(
      `${handle.mode === "postgres" ? "PostgreSQL" : "Embedded database"} at ${handle.location}: ` +
        (applied > 0 ? `applied ${applied} migration(s)` : "already up to date") +
        ` (${after.applied}/${after.expected}, latest ${after.latest}).`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

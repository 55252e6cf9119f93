// Next.js calls register() once per server start: boot Bespoke (env, database, migrations) before traffic.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { boot } = await import("./lib/server/boot");
  try {
    await boot();
  } catch (error) {
    const { logger } = await import("./lib/logger");
    logger.fatal({ err: error }, error instanceof Error ? error.message : "boot failed");
    console.error(`\nBespoke could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

// Next.js calls register() once per server start: boot Bespoke (env, database, migrations) before traffic.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { bootOrExit } = await import("./lib/server/boot");
  await bootOrExit();
}

// npm run start:edge — the lean decision server: one process per core on EDGE_PORT, sharing PostgreSQL.
import cluster from "node:cluster";
import os from "node:os";
import { getDbHandle } from "../../db/connection";
import { flushPendingWrites } from "../services/decide/write-behind";
import { env } from "../env";
import { logger } from "../logger";
import { createEdgeServer } from "./server";

async function startWorker(): Promise<void> {
  // Open (and migrate) the database before taking traffic, so the first request does not pay for it.
  await getDbHandle();
  const server = createEdgeServer();
  server.keepAliveTimeout = 65_000;
  const port = env().EDGE_PORT;
  server.listen(port, () => logger.info({ port, pid: process.pid }, "edge worker listening"));
  // Stop taking requests, then write what the write-behind buffer still holds before exiting.
  const stop = () => {
    server.close(() => {
      flushPendingWrites().finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

function main(): void {
  const e = env();
  // PGlite is single-process: on the embedded database the edge server runs one worker.
  const workers = e.DATABASE_URL ? (e.EDGE_WORKERS ?? os.availableParallelism()) : 1;
  if (workers === 1 || !cluster.isPrimary) {
    startWorker().catch((error: unknown) => {
      console.error(`Bespoke edge could not start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
    return;
  }
  logger.info({ workers, port: e.EDGE_PORT }, "edge server starting");
  for (let i = 0; i < workers; i++) cluster.fork();
  let stopping = false;
  cluster.on("exit", (worker, code) => {
    if (stopping) return;
    logger.warn({ pid: worker.process.pid, code }, "edge worker exited; starting another");
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main();

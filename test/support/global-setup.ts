// Once per test run: prepare the database every integration test file starts from.
// - PGlite (default): creating a cluster costs ~20 s of WASM initdb, so one migrated cluster is
//   dumped to a file keyed by the migrations and the PGlite version, and each file loads that dump.
// - PostgreSQL (TEST_DATABASE_URL): the migrations are applied once, here.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../db/client";
import { migrationsFolder, runMigrations } from "../../db/migrate";

function templateKey(): string {
  const hash = createHash("sha256");
  const folder = migrationsFolder();
  for (const file of fs.readdirSync(folder).filter((f) => f.endsWith(".sql")).sort()) {
    hash.update(file).update(fs.readFileSync(path.join(folder, file)));
  }
  const pglite = JSON.parse(fs.readFileSync(path.join(process.cwd(), "node_modules/@electric-sql/pglite/package.json"), "utf8")) as { version: string };
  hash.update(pglite.version);
  return hash.digest("hex").slice(0, 16);
}

export default async function setup(project: TestProject): Promise<void> {
  if (process.env.TEST_DATABASE_URL) {
    const handle = await openDatabase({ url: process.env.TEST_DATABASE_URL, poolMax: 2 });
    try {
      await runMigrations(handle);
    } finally {
      await handle.close();
    }
    return;
  }
  const file = path.join(os.tmpdir(), `bespoke-test-pglite-${templateKey()}.tar`);
  if (!fs.existsSync(file)) {
    const handle = await openDatabase({});
    await runMigrations(handle);
    const dump = await handle.pglite?.dumpDataDir("none");
    await handle.close();
    if (!dump) throw new Error("PGlite dump failed");
    const tmp = `${file}.${process.pid}`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, file);
  }
  project.provide("pgliteTemplate", file);
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate?: string;
  }
}

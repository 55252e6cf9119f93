// Every integration test file runs against a real database of its own: an in-memory PGlite loaded
// from the migrated template (global-setup.ts), or the PostgreSQL at TEST_DATABASE_URL. Tests never
// share mutable data: each makes its own organization and project.
import fs from "node:fs";
import { afterAll, beforeAll, inject } from "vitest";
import { openDatabase, type DbHandle } from "@/db/client";
import { setDbHandle } from "@/db/connection";
import { runMigrations } from "@/db/migrate";

let handle: DbHandle | undefined;

beforeAll(async () => {
  const url = process.env.TEST_DATABASE_URL || undefined;
  const template = inject("pgliteTemplate");
  handle = await openDatabase({
    url,
    poolMax: 20,
    loadDataDir: !url && template ? new Blob([fs.readFileSync(template)]) : undefined,
  });
  await runMigrations(handle);
  setDbHandle(handle);
});

afterAll(async () => {
  setDbHandle(undefined);
  await handle?.close();
});

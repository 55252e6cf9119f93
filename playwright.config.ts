import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// Playwright drives the production build (`next build` first; `npm test` does it) in Debian's
// Chromium, on the embedded database in a fresh data directory per run.
const port = Number(process.env.E2E_PORT ?? 3123);
export const e2eDataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `bespoke-e2e-${process.pid}`);
process.env.E2E_DATA_DIR = e2eDataDir;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  // foundation.spec.ts signs up the first user (ada, owner of demo/shop) on the fresh instance;
  // every console spec signs in as her, so it runs first whatever the files are named.
  projects: [
    { name: "foundation", testMatch: /foundation\.spec\.ts$/ },
    { name: "console", testIgnore: /foundation\.spec\.ts$/, dependencies: ["foundation"] },
  ],
  webServer: {
    command: `npx next start --port ${port} --hostname 127.0.0.1`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      BESPOKE_DATA_DIR: e2eDataDir,
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      DATABASE_URL: "",
    },
  },
});

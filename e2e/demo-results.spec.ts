import { spawn, execFile, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";
import { lockHolder } from "../db/data-dir-lock";
import { frequentistTest } from "../lib/stats";
import { formatCount, formatPValue } from "../components/results/format";
import { signUp } from "./helpers";

// A newcomer's path to the Results tab, as the README tells it: start the server on the embedded
// database and sign up; stop it; `npm run demo`; start it again and open the demo's results. Runs
// on its own instance (own data dir and port), so it needs nothing from the other specs.

const run = promisify(execFile);
const port = Number(process.env.E2E_PORT ?? 3123) + 1;
const base = `http://127.0.0.1:${port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bespoke-e2e-demo-"));
const env = {
  ...process.env,
  PORT: String(port),
  BESPOKE_DATA_DIR: dataDir,
  AUTH_SECRET: "e2e-demo-secret-e2e-demo-secret-e2e-demo",
  NEXTAUTH_URL: base,
  NEXT_TELEMETRY_DISABLED: "1",
  LOG_LEVEL: "warn",
  DATABASE_URL: "",
};

async function startServer(): Promise<ChildProcess> {
  const child = spawn("npx", ["next", "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    env,
    detached: true,
    stdio: "ignore",
  });
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("next start did not become healthy within 180 s");
}

/** Stops `npx next start` and the server under it, and waits until the data dir's lock is free. */
async function stopServer(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-pid, s);
    } catch {
      // the group is gone
    }
  };
  signal("SIGTERM");
  const deadline = Date.now() + 30_000;
  while (lockHolder(dataDir) !== undefined) {
    if (Date.now() > deadline) signal("SIGKILL");
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Opens a console page, signing in first when the session did not survive the restart. */
async function open(page: Page, pathname: string): Promise<void> {
  await page.goto(`${base}${pathname}`);
  if (new URL(page.url()).pathname === "/sign-in") {
    await page.getByLabel("Email").fill("grace@example.com");
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(pathname.split("?")[0] ?? ""));
  }
}

let server: ChildProcess | null = null;
test.afterAll(async () => {
  if (server) await stopServer(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test("npm run demo: the results page shows the planted uplift as significant and the null one as not", async ({
  page,
}, testInfo) => {
  test.setTimeout(420_000);

  await test.step("sign up on an empty instance, then stop it", async () => {
    server = await startServer();
    await page.goto(`${base}/`);
    await expect(page).toHaveURL(/\/sign-up$/);
    await signUp(page, { name: "Grace Newcomer", email: "grace@example.com", password: "correct horse battery", organization: "acme", project: "web" });
    await expect(page).toHaveURL(/\/acme\/web\/personalizations$/);
    await stopServer(server);
    server = null;
  });

  let resultsPath = "";
  await test.step("npm run demo", async () => {
    const { stdout } = await run("npm", ["run", "-s", "demo"], { env, maxBuffer: 10 * 1024 * 1024 });
    // "Welcome back" is listed first; its results link is the first one printed.
    const link = /Results: http:\/\/localhost:\d+(\/demo\/shop\/personalizations\/per_\w+\?tab=results)/.exec(stdout);
    expect(link, stdout).not.toBeNull();
    resultsPath = link?.[1] ?? "";
    // Grace, who signed up above, is the one owner on the instance: she is made an owner of the demo.
    expect(stdout).toContain(`the 1 owner(s) of this instance's organizations were made owners of "demo"`);
  });

  await test.step("the owner opens the demo's results", async () => {
    server = await startServer();
    await open(page, resultsPath);
    const table = page.getByTestId("results-table");
    await expect(table).toBeVisible({ timeout: 30_000 });

    const id = /per_\w+/.exec(resultsPath)?.[0];
    const res = await page.request.get(`${base}/api/v1/demo/projects/shop/personalizations/${id}/results`);
    expect(res.status()).toBe(200);
    const doc = await res.json();
    type Arm = { n: number; sum: number };
    type Experience = { name: string; users: { control: number; treatment: number }; metrics: { control: Arm; treatment: Arm; test: { pValue: number }; verdict: unknown }[] };
    const byName = new Map<string, Experience>(doc.experiences.map((e: Experience) => [e.name, e]));

    const rows = page.getByTestId("results-experience");
    for (const [name, verdict] of [
      ["Returning subscribers", "Likely better"], // planted: 10% → 14%
      ["Lapsed customers", "No clear difference yet"], // planted: no effect
    ] as const) {
      const experience = byName.get(name);
      if (!experience) throw new Error(`no results for ${name}`);
      const primary = experience.metrics[0];
      // The figures are lib/stats run by hand on the sufficient statistics the page shows.
      const proportion = (arm: Arm) => ({ n: arm.n, sum: arm.sum }); // triggered: { n, sum }
      const byHand = frequentistTest(proportion(primary.control), proportion(primary.treatment), {
        differenceType: "relative",
        alpha: 0.05,
      });
      expect(primary.test.pValue).toBe(byHand.pValue);
      const group = rows.filter({ hasText: name });
      await expect(group.getByTestId("results-users")).toHaveText(
        `Control ${formatCount(experience.users.control)} · Treatment ${formatCount(experience.users.treatment)} users`,
      );
      const row = group.getByTestId("results-metric-row").first();
      await expect(row).toContainText(verdict);
      await expect(row).toContainText(formatPValue(byHand.pValue ?? null));
    }
    expect((byName.get("Returning subscribers")?.metrics[0].test.pValue ?? 1) < 0.05).toBe(true);
    expect((byName.get("Lapsed customers")?.metrics[0].test.pValue ?? 0) >= 0.05).toBe(true);
    await expect(page.locator(".recharts-surface").first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("demo-results.png"), fullPage: true });
  });
});

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { signUp } from "./helpers";

const run = promisify(execFile);

/** `npm run cli -- …` against the running server's embedded database, as a user would type it. */
async function cli(...args: string[]): Promise<string[]> {
  const { stdout } = await run("npm", ["run", "-s", "cli", "--", ...args], {
    env: { ...process.env, BESPOKE_DATA_DIR: process.env.E2E_DATA_DIR, DATABASE_URL: "" },
  });
  return stdout.trim().split("\n");
}

test("GET /api/health reports the embedded database up and migrated", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ status: "ok", database: { mode: "pglite", reachable: true }, migrations: { current: true } });
  expect(res.headers()["x-request-id"]).toMatch(/^req_/);
});

test("a key made by the CLI while the server runs reaches a protected route", async ({ request }) => {
  const org = `e2e${Date.now()}`;
  await cli("create-org", org);
  await cli("create-project", org, "shop", "--timezone", "Europe/Berlin");
  const key = (await cli("create-key", org, "shop", "--scopes", "decide,track,manage")).at(-1) ?? "";
  expect(key).toMatch(/^bk_\w+\.[\w-]+$/);

  const url = `/api/v1/${org}/projects/shop/sources`;
  const ok = await request.get(url, { headers: { authorization: `Bearer ${key}` } });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).sources).toHaveLength(1);

  const none = await request.get(url);
  expect(none.status()).toBe(401);
  expect((await none.json()).error).toMatchObject({ code: "unauthorized" });
});

test("the first visitor signs up and lands in the console shell", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-up$/);
  await signUp(page, { name: "Ada Founder", email: "ada@example.com", password: "correct horse battery", organization: "demo", project: "shop" });

  await expect(page).toHaveURL(/\/demo\/shop\/personalizations$/);
  await expect(page.getByRole("heading", { name: "Personalizations", level: 1 })).toBeVisible();
  const nav = page.getByRole("navigation").first();
  for (const section of ["Templates", "Segments", "Preview", "API keys", "Settings"]) {
    await expect(nav.getByRole("link", { name: section })).toBeVisible();
  }
  await page.screenshot({ path: testInfo.outputPath("shell.png"), fullPage: true });

  // Signed out, the console sends you to sign in, and back.
  await page.getByRole("button", { name: /^Account:/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/demo/shop/templates");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel("Email").fill("ada@example.com");
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/demo\/shop\/personalizations$/);
});

import { expect, test, type Page } from "@playwright/test";
import { replaceEditorText } from "./helpers";

// The authoring flow as a marketer goes through it, with the real widgets: a payload typed into
// Monaco (loaded from the app itself: no request leaves 127.0.0.1), an audience built with rows,
// display and schedule, Start refused with a linked problem, fixed, started; then on the detail
// page a second experience, a reorder and a pause. Runs after foundation.spec.ts on the same
// instance, where ada@example.com owns demo/shop.

test.beforeAll(async ({ request }) => {
  const instance = await (await request.get("/api/v1/instance")).json();
  expect(instance.hasUsers, "console-authoring.spec.ts needs foundation.spec.ts to have signed up ada first").toBe(true);
});

async function signIn(page: Page): Promise<void> {
  // After hydration: a value typed before React takes over the form is not in its state.
  await page.goto("/sign-in", { waitUntil: "networkidle" });
  await page.getByLabel("Email").fill("ada@example.com");
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/demo\/shop\//);
}

/** Every request the page makes to a host other than the app's own. */
function foreignRequests(page: Page): string[] {
  const foreign: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if ((url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "127.0.0.1") foreign.push(request.url());
  });
  return foreign;
}

test("create a personalization with the payload editor and the audience builder, start it, then reorder and pause", async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const foreign = foreignRequests(page);
  const workers: string[] = [];
  page.on("worker", (worker) => workers.push(worker.url()));
  const n = `${Date.now().toString(36)}${testInfo.retry}`;
  const name = `E2E pro banner ${n}`;
  const shot = (file: string) => page.screenshot({ path: testInfo.outputPath(`${file}.png`), fullPage: true });

  await signIn(page);
  await page.goto("/demo/shop/personalizations/new");
  await expect(page.getByRole("heading", { name: "Create personalization", level: 1 })).toBeVisible();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByRole("textbox", { name: "Experience name" }).fill("Pro banner");

  const payload = page.locator("#exp-0-payload");
  const monaco = payload.locator(".monaco-editor");

  await test.step("Monaco loads from the app, marks invalid JSON and completes Liquid", async () => {
    await expect(monaco).toBeVisible({ timeout: 30_000 });
    await replaceEditorText(page, monaco, '{\n  "title": "Hello {{ ');
    // The JSON worker's diagnostics: a squiggle in the text, and the editor's status line.
    await expect(monaco.locator(".squiggly-error").first()).toBeVisible({ timeout: 15_000 });
    await expect(payload.getByText(/^Invalid JSON/)).toBeVisible();
    // Liquid completion inside the string, after `{{ `.
    await page.keyboard.press("Control+Space");
    const suggest = page.locator(".suggest-widget.visible");
    await expect(suggest.getByText("attribute", { exact: true })).toBeVisible();
    await page.keyboard.press("Escape");
    expect(workers.some((url) => new URL(url).hostname === "127.0.0.1")).toBe(true);
  });

  await test.step("Start with invalid JSON: the problem links to the payload and focuses Monaco", async () => {
    await page.getByRole("button", { name: "Start" }).click();
    const problems = page.getByRole("alert").filter({ hasText: "before saving" });
    await expect(problems).toBeVisible();
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await problems.getByRole("button", { name: /^Experience 1 “Pro banner” · Payload/ }).click();
    await expect(monaco.locator("textarea")).toBeFocused();
  });

  await test.step("fix the payload, format it, see the preview", async () => {
    await replaceEditorText(
      page,
      monaco,
      '{"title":"Hello {{ attribute.user.first_name | default: \\"there\\" }}","cta":{"label":"Go pro","url":"/pricing"}}',
    );
    await expect(payload.getByText("Valid JSON", { exact: true })).toBeVisible();
    await expect(monaco.locator(".squiggly-error")).toHaveCount(0, { timeout: 15_000 });
    // One line as pasted (word-wrapped, but numbered 1); Format makes it seven.
    const lineNumber = (n: number) => monaco.locator(".line-numbers").filter({ hasText: new RegExp(`^${n}$`) });
    await expect(lineNumber(1)).toHaveCount(1);
    await expect(lineNumber(2)).toHaveCount(0);
    await payload.getByRole("button", { name: "Format" }).click();
    await expect(lineNumber(7)).toHaveCount(1);
    await expect(lineNumber(8)).toHaveCount(0);
    await expect(payload.getByLabel("Rendered payload")).toContainText('"title": "Hello there"');
  });

  await test.step("audience with the builder, display and schedule", async () => {
    const audience = page.locator("#exp-0-audience");
    await expect(audience.getByText("Needs setup", { exact: true })).toBeVisible();
    await audience.getByRole("button", { name: "Add condition" }).click();
    await page.getByRole("menuitem", { name: /^Attribute/ }).click();
    await audience.getByLabel("Attribute of condition 1").fill("user.plan");
    await audience.getByLabel("Value for user.plan").fill("pro");
    await expect(audience.getByText("Ready", { exact: true })).toBeVisible();
    await page.locator("#exp-0-display").getByText("Once per visit", { exact: true }).click();
    await page.locator("#exp-0-schedule").getByRole("button", { name: "Weekdays" }).click();
    await expect(page.locator("#exp-0-schedule").getByRole("button", { name: "Saturday" })).toHaveAttribute("aria-pressed", "false");
    await shot("create-payload-and-audience");
    await page.locator("#exp-0").screenshot({ path: testInfo.outputPath("create-experience-card.png") });
  });

  await test.step("Start without a primary metric: saved as a draft, one linked problem", async () => {
    await page.getByRole("button", { name: "Start" }).click();
    const problems = page.getByRole("alert").filter({ hasText: "keeps it from starting" });
    await expect(problems).toContainText("Saved as a draft — 1 problem keeps it from starting");
    await expect(problems).toContainText(/metric/);
    await shot("create-start-problem");
    await problems.getByRole("button", { name: /^Metrics/ }).click();
    await expect(page.getByRole("button", { name: "Add the primary metric" })).toBeFocused();
    await page.getByRole("button", { name: "Add the primary metric" }).click();
    await page.getByRole("combobox", { name: "Event", exact: true }).or(page.getByRole("textbox", { name: "Event", exact: true })).fill("purchase");
    await page.getByRole("spinbutton", { name: "Control", exact: true }).or(page.getByRole("textbox", { name: "Control", exact: true })).fill("10");
  });

  await test.step("Start again: the detail page says Running", async () => {
    await page.getByRole("button", { name: "Start" }).click();
    await expect(page).toHaveURL(/\/demo\/shop\/personalizations\/[^/]+$/, { timeout: 20_000 });
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    await expect(page.getByText("Running", { exact: true }).first()).toBeVisible();
  });

  const rows = page.getByRole("list", { name: "Experiences in priority order" }).getByRole("listitem");

  await test.step("add a second experience in the Edit dialog's Monaco", async () => {
    await page.getByRole("button", { name: "Add experience" }).click();
    await page.getByRole("menuitem", { name: "From scratch" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading", { name: /^Edit/ })).toBeVisible();
    await dialog.getByRole("textbox", { name: "Name", exact: true }).fill("Everyone else");
    const editor = dialog.locator(".monaco-editor");
    await expect(editor).toBeVisible({ timeout: 30_000 });
    // Liquid completion in a dialog: the list shows inside the editor, not off by the dialog's offset.
    await replaceEditorText(page, editor, '{"title": "Welcome {{ ');
    await page.keyboard.press("Control+Space");
    const suggest = dialog.locator(".suggest-widget.visible");
    await expect(suggest.getByText("attribute", { exact: true })).toBeVisible();
    const [box, list] = [await editor.boundingBox(), await suggest.boundingBox()];
    const inside = (x: number, y: number) => box !== null && x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height;
    expect(list !== null && inside(list.x, list.y)).toBe(true);
    await shot("detail-edit-dialog-completion");
    await page.keyboard.press("Escape");
    await replaceEditorText(page, editor, '{"title": "Welcome"}');
    await expect(dialog.getByText("Valid JSON", { exact: true })).toBeVisible();
    await shot("detail-edit-dialog");
    await dialog.getByRole("button", { name: "Save payload" }).click();
    await expect(dialog).toBeHidden();
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toHaveAccessibleName(/^Priority 1: Pro banner/);
    await expect(rows.nth(1)).toHaveAccessibleName(/^Priority 2: Everyone else/);
  });

  await test.step("Move up from the row menu", async () => {
    await page.getByRole("button", { name: "Actions for Everyone else" }).click();
    await page.getByRole("menuitem", { name: "Move up" }).click();
    await expect(rows.nth(0)).toHaveAccessibleName(/^Priority 1: Everyone else/);
    await expect(rows.nth(1)).toHaveAccessibleName(/^Priority 2: Pro banner/);
    await page.reload();
    await expect(rows.nth(0)).toHaveAccessibleName(/^Priority 1: Everyone else/);
  });

  await test.step("Configure: Everyone in the dialog's audience builder", async () => {
    await page.getByRole("button", { name: "Actions for Everyone else" }).click();
    await page.getByRole("menuitem", { name: "Configure" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading", { name: /^Configure/ })).toBeVisible();
    await dialog.getByRole("button", { name: "Everyone", exact: true }).click();
    await expect(dialog.locator("#configure-audience").getByText("Ready", { exact: true })).toBeVisible();
    await shot("detail-configure-dialog");
    await dialog.getByRole("button", { name: "Save configuration" }).click();
    await expect(dialog).toBeHidden();
    await expect(rows.nth(0)).toContainText("Ready");
  });

  await test.step("pause, confirmed", async () => {
    await page.getByRole("button", { name: "Pause", exact: true }).click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText("Pause");
    await confirm.getByRole("button", { name: "Pause", exact: true }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByText("Paused", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Resume" })).toBeVisible();
    await shot("detail-paused");
  });

  expect(foreign).toEqual([]);
});

test("the create page fits a 390 px wide phone", async ({ page }, testInfo) => {
  const foreign = foreignRequests(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  await page.goto("/demo/shop/personalizations/new");
  await expect(page.locator("#exp-0-payload .monaco-editor")).toBeVisible({ timeout: 30_000 });
  const audience = page.locator("#exp-0-audience");
  await audience.getByRole("button", { name: "Add condition" }).click();
  await page.getByRole("menuitem", { name: /^Attribute/ }).click();
  await audience.getByLabel("Attribute of condition 1").fill("user.plan");
  await page.screenshot({ path: testInfo.outputPath("create-390.png"), fullPage: true });
  const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
  expect(width).toBeLessThanOrEqual(392);
  expect(foreign).toEqual([]);
});

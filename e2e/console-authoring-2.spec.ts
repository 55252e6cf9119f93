import { expect, test, type Locator, type Page, type TestInfo } from "@playwright/test";
import { cutOffOutside, replaceEditorText, snap } from "./helpers";

// The rest of issue 5's list for authoring, as a person goes through it in the console:
// - the whole create flow with the network to the outside cut off by page.route: Monaco marks
//   invalid JSON, the second experience comes from a template, an audience from the builder, a
//   schedule, a primary metric and no control; started; a decide key made on the sources page
//   then serves it through choose-api;
// - priorities changed by dragging a row's handle, with the mouse and with the keyboard, kept
//   after a reload;
// - a viewer sees a personalization but none of the controls that change it, and the API refuses.
//
// Runs after foundation.spec.ts on the same instance (ada@example.com owns demo/shop); every test
// makes what it needs under names unique to the attempt (CI retries on the same instance).

const ADA = { email: "ada@example.com", password: "correct horse battery" };
const API = "/api/v1/demo/projects/shop";

test.beforeAll(async ({ request }) => {
  const instance = await (await request.get("/api/v1/instance")).json();
  expect(instance.hasUsers, "console-authoring-2.spec.ts needs foundation.spec.ts to have signed up ada first").toBe(true);
});

const unique = (testInfo: TestInfo) => `${Date.now().toString(36)}${testInfo.retry}`;

async function signIn(page: Page, who: { email: string; password: string } = ADA): Promise<void> {
  // After hydration: a value typed before React takes over the form is not in its state.
  await page.goto("/sign-in", { waitUntil: "networkidle" });
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/demo\/shop\//);
}

async function createDraft(page: Page, name: string, experiences: string[]): Promise<{ id: string; selector: string }> {
  const created = await page.request.post(`${API}/personalizations`, {
    data: { name, experiences: experiences.map((e) => ({ name: e, payload: { title: e } })) },
  });
  expect(created.status(), await created.text()).toBe(201);
  const body = await created.json();
  return { id: body.id, selector: body.selector };
}

function experienceRows(page: Page): Locator {
  return page.getByRole("list", { name: "Experiences in priority order" }).getByRole("listitem");
}

async function expectOrder(page: Page, names: string[]): Promise<void> {
  const rows = experienceRows(page);
  await expect(rows).toHaveCount(names.length);
  for (const [i, name] of names.entries()) await expect(rows.nth(i)).toHaveAccessibleName(`Priority ${i + 1}: ${name}`);
}

test("with the outside cut off: create with a template experience, schedule and metric, start, and serve it with a key from the sources page", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(240_000);
  const outside = await cutOffOutside(page);
  const n = unique(testInfo);
  const name = `E2E template flow ${n}`;
  const templateName = `E2E welcome ${n}`;
  const proPayload = { title: "Hello there", cta: { label: "Go pro", url: "/pricing" } };
  const everyonePayload = { title: "Welcome", from: "template" };

  await signIn(page);

  await test.step("a template to start from, saved with the page's session", async () => {
    const saved = await page.request.post(`${API}/templates`, {
      data: { name: templateName, description: "For everyone else", payload: everyonePayload },
    });
    expect(saved.status(), await saved.text()).toBe(201);
  });

  await page.goto("/demo/shop/personalizations/new");
  await expect(page.getByRole("heading", { name: "Create personalization", level: 1 })).toBeVisible();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByRole("textbox", { name: "Experience name" }).fill("Pro banner");
  const payload = page.locator("#exp-0-payload");
  const monaco = payload.locator(".monaco-editor");

  await test.step("Monaco, loaded from the app alone, marks invalid JSON", async () => {
    await expect(monaco).toBeVisible({ timeout: 30_000 });
    await replaceEditorText(page, monaco, '{\n  "title": "Hello {{ ');
    await expect(monaco.locator(".squiggly-error").first()).toBeVisible({ timeout: 15_000 });
    await expect(payload.getByText(/^Invalid JSON/)).toBeVisible();
    await snap(page, testInfo, "create-invalid-json-offline");
    await replaceEditorText(
      page,
      monaco,
      '{"title":"Hello {{ attribute.user.first_name | default: \\"there\\" }}","cta":{"label":"Go pro","url":"/pricing"}}',
    );
    await expect(payload.getByText("Valid JSON", { exact: true })).toBeVisible();
    await expect(monaco.locator(".squiggly-error")).toHaveCount(0, { timeout: 15_000 });
  });

  await test.step("first experience: audience from the builder, and a schedule that ends", async () => {
    const audience = page.locator("#exp-0-audience");
    await audience.getByRole("button", { name: "Add condition" }).click();
    await page.getByRole("menuitem", { name: /^Attribute/ }).click();
    await audience.getByLabel("Attribute of condition 1").fill("user.plan");
    await audience.getByLabel("Value for user.plan").fill("pro");
    await expect(audience.getByText("Ready", { exact: true })).toBeVisible();
    const schedule = page.locator("#exp-0-schedule");
    await schedule.getByLabel("Ends", { exact: true }).fill("2099-12-31T00:00");
    await expect(schedule.getByText(/2099/).first()).toBeVisible();
  });

  await test.step("second experience from the template, for everyone", async () => {
    await page.getByRole("button", { name: "Add experience" }).click();
    await page.getByRole("menuitem", { name: /From a template/ }).click();
    const picker = page.getByRole("dialog", { name: "Start from a template" });
    await picker.getByRole("searchbox", { name: "Search templates" }).or(picker.getByRole("textbox", { name: "Search templates" })).fill(n);
    await snap(page, testInfo, "create-template-picker");
    await picker.getByRole("button", { name: new RegExp(templateName) }).click();
    await expect(picker).toBeHidden();
    const card = page.locator("#exp-1");
    await expect(card).toContainText(`started from the template “${templateName}”`);
    await expect(page.locator("#exp-1-name")).toHaveValue(templateName);
    await expect(page.locator("#exp-1-payload .monaco-editor .view-lines")).toContainText('"from": "template"', { timeout: 30_000 });
    const audience = page.locator("#exp-1-audience");
    await expect(audience.getByText("Needs setup", { exact: true })).toBeVisible();
    await audience.getByRole("button", { name: "Everyone", exact: true }).click();
    await expect(audience.getByText("Ready", { exact: true })).toBeVisible();
  });

  await test.step("primary metric and no control group", async () => {
    await page.getByRole("button", { name: "Add the primary metric" }).click();
    await page.getByRole("combobox", { name: "Event", exact: true }).or(page.getByRole("textbox", { name: "Event", exact: true })).fill("purchase");
    const control = page.getByRole("spinbutton", { name: "Control", exact: true }).or(page.getByRole("textbox", { name: "Control", exact: true }));
    await control.fill("0");
    await expect(page.getByText("0% original page · 100% personalized")).toBeVisible();
    await snap(page, testInfo, "create-filled");
  });

  let selector = "";
  await test.step("Start: the detail page says Running, the template experience second", async () => {
    await page.getByRole("button", { name: "Start" }).click();
    await expect(page).toHaveURL(/\/demo\/shop\/personalizations\/[^/]+$/, { timeout: 20_000 });
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    await expect(page.getByText("Running", { exact: true }).first()).toBeVisible();
    await expectOrder(page, ["Pro banner", templateName]);
    const id = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    const stored = await (await page.request.get(`${API}/personalizations/${id}`)).json();
    expect(stored.status).toBe("running");
    expect(stored.controlPercent).toBe(0);
    expect(stored.metrics).toEqual([expect.objectContaining({ event: "purchase", primary: true })]);
    expect(stored.experiences[0].schedule).toEqual(expect.objectContaining({ end: expect.stringMatching(/^2099-12-3/) }));
    selector = stored.selector;
    await expect(page.getByText(selector, { exact: true }).first()).toBeVisible();
    await snap(page, testInfo, "detail-started");
  });

  let key = "";
  await test.step("a decide key, made on the sources page and shown once", async () => {
    await page.goto("/demo/shop/sources");
    await expect(page.getByRole("heading", { name: "Sources & API keys", level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "Create key" }).first().click();
    const create = page.getByRole("dialog", { name: "Create an API key" });
    await create.getByRole("textbox", { name: "Name" }).fill(`e2e decide ${n}`);
    await expect(create.getByRole("checkbox", { name: /decide/ })).toBeChecked();
    await create.getByRole("checkbox", { name: /track/ }).uncheck();
    await create.getByRole("button", { name: "Create key" }).click();
    const reveal = page.getByRole("dialog", { name: "Copy your new API key" });
    key = await reveal.getByRole("textbox", { name: "API key" }).inputValue();
    expect(key).toMatch(/^bk_\w+\.[\w-]+$/);
    await expect(reveal.getByRole("button", { name: /copy/i }).first()).toBeVisible();
    await snap(page, testInfo, "sources-decide-key");
    await reveal.getByRole("button", { name: /^Done/ }).click();
    await expect(page.getByRole("row", { name: new RegExp(`e2e decide ${n}`) })).toContainText(key.split(".")[0]);
  });

  await test.step("choose-api with the key serves the started personalization", async () => {
    const choose = (userId: string, plan: string) =>
      request.post(`${API}/optimization/choose-api`, {
        headers: { authorization: `Bearer ${key}` },
        data: { identification: { userId }, names: [selector], attributes: { user: { plan } } },
      });
    const pro = await choose(`e2e-pro-${n}`, "pro");
    expect(pro.status(), await pro.text()).toBe(200);
    const proChoice = (await pro.json()).choices[0];
    expect(proChoice).toEqual(
      expect.objectContaining({ name: selector, reason: "served", variant: "treatment", experienceName: "Pro banner", body: proPayload }),
    );
    // Not pro: the first experience's audience fails, the template one (Everyone) is next.
    const free = await choose(`e2e-free-${n}`, "free");
    expect(free.status(), await free.text()).toBe(200);
    const freeChoice = (await free.json()).choices[0];
    expect(freeChoice).toEqual(expect.objectContaining({ reason: "served", experienceName: templateName, body: everyonePayload }));
    // Without the key: refused.
    const anonymous = await request.post(`${API}/optimization/choose-api`, {
      data: { identification: { userId: `e2e-anon-${n}` }, names: [selector] },
    });
    expect(anonymous.status()).toBe(401);
  });

  expect(outside).toEqual([]);
});

test("drag a row's handle, by mouse and by keyboard, and the new priorities stay after a reload", async ({ page }, testInfo) => {
  const n = unique(testInfo);
  const name = `E2E drag ${n}`;
  await signIn(page);
  const { id } = await createDraft(page, name, ["Alpha", "Bravo", "Charlie"]);
  await page.goto(`/demo/shop/personalizations/${id}`);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expectOrder(page, ["Alpha", "Bravo", "Charlie"]);

  await test.step("mouse: Charlie's handle dragged above Alpha", async () => {
    const handle = page.getByRole("button", { name: "Drag to reorder Charlie" });
    const from = await handle.boundingBox();
    const to = await experienceRows(page).nth(0).boundingBox();
    if (!from || !to) throw new Error("the rows are not laid out");
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    // Past the sensor's 4 px activation distance first, then to the top row in steps.
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 10, { steps: 3 });
    await page.mouse.move(from.x + from.width / 2, to.y + 4, { steps: 15 });
    await snap(page, testInfo, "drag-in-progress");
    await page.mouse.up();
    await expectOrder(page, ["Charlie", "Alpha", "Bravo"]);
    await page.reload();
    await expectOrder(page, ["Charlie", "Alpha", "Bravo"]);
  });

  await test.step("keyboard: Bravo's handle, Space, ArrowUp, Space", async () => {
    const handle = page.getByRole("button", { name: "Drag to reorder Bravo" });
    await handle.focus();
    // Each key waits for dnd-kit's screen-reader announcement, as a person waits to hear it.
    await page.keyboard.press("Space");
    await expect(handle).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("status").filter({ hasText: "Bravo would take priority 3." })).toBeAttached();
    await page.keyboard.press("ArrowUp");
    await expect(page.getByRole("status").filter({ hasText: "Bravo would take priority 2." })).toBeAttached();
    await page.keyboard.press("Space");
    await expectOrder(page, ["Charlie", "Bravo", "Alpha"]);
    await page.reload();
    await expectOrder(page, ["Charlie", "Bravo", "Alpha"]);
    await snap(page, testInfo, "drag-after-reload");
  });

  const stored = await (await page.request.get(`${API}/personalizations/${id}`)).json();
  expect(stored.experiences.map((e: { name: string }) => e.name)).toEqual(["Charlie", "Bravo", "Alpha"]);
});

test("a viewer sees a personalization but cannot change it, in the page or through the API", async ({
  page,
  browser,
}, testInfo) => {
  const n = unique(testInfo);
  const name = `E2E viewer sees ${n}`;
  const viewerUser = { email: `viewer-${n}@example.com`, password: "viewer password 456" };
  await signIn(page);
  const { id } = await createDraft(page, name, ["First", "Second"]);
  const detail = `/demo/shop/personalizations/${id}`;

  // The owner has the controls the viewer must not have: the checks below can fail.
  await page.goto(detail);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Start" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add experience" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Drag to reorder/ })).toHaveCount(2);

  const invited = await page.request.post(`${API}/members/invites`, { data: { email: viewerUser.email, role: "viewer" } });
  expect(invited.status(), await invited.text()).toBe(201);
  const { path } = await invited.json();

  const context = await browser.newContext();
  try {
    const viewer = await context.newPage();
    await viewer.goto(path, { waitUntil: "networkidle" });
    await viewer.getByLabel("Your name").fill(`Viewer ${n}`);
    await viewer.getByLabel("Password").fill(viewerUser.password);
    await viewer.getByRole("button", { name: "Join demo" }).click();
    await expect(viewer).toHaveURL(/\/demo\/shop\/personalizations$/);

    await viewer.goto(detail);
    await expect(viewer.getByRole("heading", { name, level: 1 })).toBeVisible();
    await expectOrder(viewer, ["First", "Second"]);
    await expect(viewer.getByRole("button", { name: "More actions" })).toBeVisible();
    await expect(viewer.getByRole("button", { name: "Start" })).toHaveCount(0);
    await expect(viewer.getByRole("button", { name: "Pause", exact: true })).toHaveCount(0);
    await expect(viewer.getByRole("button", { name: "Add experience" })).toHaveCount(0);
    await expect(viewer.getByRole("button", { name: /^Drag to reorder/ })).toHaveCount(0);

    await viewer.getByRole("button", { name: "Actions for Second" }).click();
    const menu = viewer.getByRole("menu");
    await expect(menu.getByRole("menuitem", { name: "View payload" })).toBeVisible();
    await expect(menu.getByRole("menuitem", { name: "View configuration" })).toBeVisible();
    for (const action of ["Move up", "Move down", "Duplicate", "Delete", "Save as template", "Edit payload"])
      await expect(menu.getByRole("menuitem", { name: action })).toHaveCount(0);
    await snap(viewer, testInfo, "detail-as-viewer-menu");
    await viewer.keyboard.press("Escape");

    await viewer.getByRole("button", { name: "More actions" }).click();
    await expect(viewer.getByRole("menuitem", { name: "Export JSON" })).toBeVisible();
    await expect(viewer.getByRole("menuitem", { name: "Delete draft" })).toHaveCount(0);
    await expect(viewer.getByRole("menuitem", { name: "Archive" })).toHaveCount(0);
    await viewer.keyboard.press("Escape");
    await snap(viewer, testInfo, "detail-as-viewer");

    // The API says no whatever the page shows.
    const patched = await viewer.request.patch(`${API}/personalizations/${id}`, { data: { name: `hijacked ${n}` } });
    expect(patched.status()).toBe(403);
    expect((await patched.json()).error.code).toBe("forbidden");
    const started = await viewer.request.post(`${API}/personalizations/${id}/start`);
    expect(started.status()).toBe(403);
  } finally {
    await context.close();
  }
  const stored = await (await page.request.get(`${API}/personalizations/${id}`)).json();
  expect(stored.name).toBe(name);
  expect(stored.status).toBe("draft");
});

import { expect, test, type Page } from "@playwright/test";

// Segments, test profiles and Preview, as a marketer uses them. Runs after foundation.spec.ts on
// the same instance, where ada@example.com owns demo/shop.

const API = "/api/v1/demo/projects/shop";

async function signIn(page: Page): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("ada@example.com");
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/demo\/shop\//);
}

test("segments, a test profile and the preview's trace", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  // Unique per attempt: a retry runs on the same instance.
  const n = `${Date.now().toString(36)}${testInfo.retry}`;
  const staticName = `E2E VIPs ${n}`;
  const staticKey = `e2e-vips-${n}`;
  const ruleName = `E2E pro users ${n}`;
  const profileName = `E2E pro from France ${n}`;
  const selector = `e2e-hero-${n}`;
  const shot = (name: string) =>
    page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });

  await signIn(page);

  await test.step("create a static segment and upload a CSV", async () => {
    await page.goto("/demo/shop/segments");
    await expect(page.getByRole("heading", { name: "Segments", level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "Create segment" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Create a segment" });
    await dialog.getByRole("radio", { name: /Static list/ }).click();
    await dialog.getByRole("textbox", { name: "Name", exact: true }).fill(staticName);
    await expect(dialog.getByRole("textbox", { name: "Key", exact: true })).toHaveValue(staticKey);
    await shot("segment-create-static");
    await dialog.getByRole("button", { name: "Create segment" }).click();

    await expect(page).toHaveURL(new RegExp(`/segments/${staticKey}$`));
    await expect(page.getByTestId("segment-member-count")).toHaveText("0");
    const csv = ["userId", "ada-1", "ada-2", '"ada,3"', "ada-1", ""].join("\n");
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "members.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await expect(page.getByText("members.csv", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await expect(page.getByTestId("members-outcome")).toContainText("3 added");
    await expect(page.getByTestId("members-outcome")).toContainText("1 already present");
    await expect(page.getByTestId("segment-member-count")).toHaveText("3");

    // A bad line is refused with its number, and nothing is added.
    await page
      .locator('input[type="file"]')
      .setInputFiles({
        name: "bad.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(`ok-1\n${"x".repeat(300)}\n`),
      });
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await expect(page.getByTestId("csv-error")).toContainText("line 2");
    await expect(page.getByTestId("segment-member-count")).toHaveText("3");
    await shot("segment-static-detail");
  });

  await test.step("create a rule segment with the audience builder", async () => {
    await page.goto("/demo/shop/segments");
    await page.getByRole("button", { name: "Create segment" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Create a segment" });
    await dialog.getByRole("textbox", { name: "Name", exact: true }).fill(ruleName);
    await dialog.getByRole("button", { name: "Add condition" }).click();
    await page.getByRole("menuitem", { name: /^Attribute/ }).click();
    await dialog.getByLabel("Attribute of condition 1").fill("user.plan");
    await dialog.getByLabel("Value for user.plan").fill("pro");
    await shot("segment-create-rule");
    await dialog.getByRole("button", { name: "Create segment" }).click();
    await expect(page).toHaveURL(/\/segments\/e2e-pro-users-/);
    await expect(page.getByText('user.plan = "pro"').first()).toBeVisible();

    await page.goto("/demo/shop/segments");
    const row = page.locator(`tr[data-segment="${staticKey}"]`);
    await expect(row.getByTestId("member-count")).toHaveText("3 members");
    await shot("segments-list");
  });

  await test.step("create a test profile", async () => {
    await page.goto("/demo/shop/test-profiles/new");
    await page.getByRole("textbox", { name: "Name", exact: true }).fill(profileName);
    await page.getByLabel("User id").fill("ada-2");
    await page.getByRole("button", { name: "Add attribute" }).click();
    await page.getByLabel("Attribute 1 name").fill("plan");
    await page.getByLabel("Attribute 1 value").fill("pro");
    await page.getByRole("button", { name: "Add attribute" }).click();
    await page.getByLabel("Attribute 2 name").fill("country");
    await page.getByLabel("Attribute 2 value").fill("FR");
    await page.getByRole("checkbox", { name: new RegExp(staticName) }).check();
    await shot("test-profile-form");
    await page.getByRole("button", { name: "Create test profile" }).click();
    await expect(page).toHaveURL(/\/test-profiles$/);
    await expect(page.getByRole("link", { name: profileName, exact: true })).toBeVisible();
    await shot("test-profiles-list");
  });

  await test.step("create and start a personalization through the API", async () => {
    const created = await page.request.post(`${API}/personalizations`, {
      data: {
        name: `E2E hero ${n}`,
        selector,
        controlPercent: 0,
        metrics: [{ event: "purchase", measure: "triggered", primary: true }],
        experiences: [
          {
            name: "German pros",
            payload: { title: "Hallo {{ attribute.user.plan }}" },
            audience: { $and: [{ "user.plan": "pro" }, { "user.country": "DE" }] },
            display: { frequency: "always", devices: "all" },
          },
          {
            name: "Listed VIPs",
            payload: { title: "Welcome, VIP on {{ attribute.user.plan }}", discount: 20 },
            audience: { $segment: staticKey },
            display: { frequency: "always", devices: "all" },
          },
        ],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const started = await page.request.post(`${API}/personalizations/${id}/start`);
    expect(started.status(), await started.text()).toBe(200);
  });

  await test.step("preview the test profile and read the trace", async () => {
    await page.goto("/demo/shop/preview");
    await page.getByLabel("Test profile").click();
    await page.getByRole("option", { name: profileName }).click();
    await page.getByRole("radio", { name: "Personalizations" }).click();
    await page.getByRole("checkbox", { name: new RegExp(`E2E hero ${n}`) }).check();
    await page.getByRole("button", { name: "Run preview" }).click();

    const card = page.locator(`article[data-selector="${selector}"]`);
    await expect(card).toHaveAttribute("data-reason", "served");
    await expect(card.getByText("Served", { exact: true })).toBeVisible();
    await expect(card.getByText("Listed VIPs").first()).toBeVisible();
    await expect(card.getByRole("region", { name: "Rendered payload" })).toContainText("Welcome, VIP on pro");

    // The first experience failed on the country; open it to see both conditions.
    const first = card.locator('li[data-experience="German pros"]');
    await expect(first).toHaveAttribute("data-eligible", "false");
    await expect(first).toContainText("Excluded: user.country is");
    await first.getByRole("button", { name: /German pros/ }).click();
    await expect(first.locator('[data-trace-node="field"][data-passed="true"]')).toContainText("user.plan");
    const failing = first.locator('[data-trace-node="field"][data-passed="false"]');
    await expect(failing).toContainText("user.country");
    await expect(failing).toContainText('"FR"');
    await expect(failing).toHaveAttribute("data-first-failure", "true");
    await expect(
      card.locator('li[data-experience="Listed VIPs"] [data-trace-node="segment"][data-passed="true"]'),
    ).toContainText(staticKey);
    await shot("preview-trace");

    // The run is a link that reproduces it.
    await expect(page).toHaveURL(/\/preview\?testProfile=tpr_[^&]+&names=e2e-hero-/);
  });
});

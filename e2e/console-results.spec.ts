import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";

// The Results tab on real data: a running personalization, visitors through choose-api, purchases
// through track, then the table, the chart, the engine switch and the CSV as a person sees them.
// Runs after foundation.spec.ts on the same instance, where ada@example.com owns demo/shop.

const API = "/api/v1/demo/projects/shop";

async function signIn(page: Page): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("ada@example.com");
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/demo\/shop\//);
}

interface ResultsDoc {
  experiences: { name: string; users: { control: number; treatment: number } }[];
  total: { users: { control: number; treatment: number } };
}

test("the Results tab shows each experience against its control, the chart and the CSV", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(180_000);
  const n = `${Date.now().toString(36)}${testInfo.retry}`;
  const name = `E2E results ${n}`;
  const shot = (file: string) =>
    page.screenshot({ path: testInfo.outputPath(`${file}.png`), fullPage: true });
  // Enough for ~140 users per arm in all: past the 100 per arm a verdict needs, for the total only.
  const visitors = 280;
  const arms = { control: 0, treatment: 0 };
  let id = "";

  await signIn(page);

  await test.step("set up: an API key, a running personalization, visitors and purchases", async () => {
    const source = await page.request.post(`${API}/sources`, {
      data: { name: `E2E results ${n}`, scopes: ["decide", "track"] },
    });
    expect(source.status(), await source.text()).toBe(201);
    const { key } = (await source.json()) as { key: string };
    const auth = { authorization: `Bearer ${key}` };

    const created = await page.request.post(`${API}/personalizations`, {
      data: {
        name,
        selector: `e2e-results-${n}`,
        controlPercent: 50,
        metrics: [
          { event: "purchase", measure: "triggered", primary: true },
          { event: "purchase", measure: "value", property: "amount", aggregation: "sum" },
        ],
        experiences: [
          {
            name: "Big carts",
            payload: { banner: "Free shipping on this order" },
            audience: { "cart.value": { $gt: 100 } },
            display: { frequency: "always", devices: "all" },
          },
          {
            name: "Everyone else",
            payload: { banner: "Free shipping over €100" },
            audience: { $everyone: true },
            display: { frequency: "always", devices: "all" },
          },
        ],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    id = ((await created.json()) as { id: string }).id;
    const started = await page.request.post(`${API}/personalizations/${id}/start`);
    expect(started.status(), await started.text()).toBe(200);

    const purchases: { profileId: string; data: { amount: number } }[] = [];
    for (let i = 0; i < visitors; i++) {
      const profileId = `e2e-${n}-v${i}`;
      const res = await request.post(`${API}/optimization/choose-api`, {
        headers: auth,
        data: {
          identification: { profileId },
          names: [`e2e-results-${n}`],
          attributes: { cart: { value: i % 3 === 0 ? 150 : 40 } },
        },
      });
      expect(res.status(), await res.text()).toBe(200);
      const choice = ((await res.json()) as { choices: { reason: string }[] }).choices[0];
      expect(["served", "control"]).toContain(choice.reason);
      const arm = choice.reason === "served" ? "treatment" : "control";
      arms[arm]++;
      // Treatment converts 2 in 5, control 1 in 10.
      if (i % 10 < (arm === "treatment" ? 4 : 1))
        purchases.push({ profileId, data: { amount: 20 + (i % 7) * 5 } });
    }
    expect(arms.control).toBeGreaterThan(0);
    expect(arms.treatment).toBeGreaterThan(0);
    const tracked = await request.post(`${API}/track`, {
      headers: auth,
      data: { track: [{ name: "purchase", payload: purchases }] },
    });
    expect(tracked.status(), await tracked.text()).toBe(202);
    expect(await tracked.json()).toEqual({ accepted: purchases.length, duplicates: 0 });

    // Exposures are written behind the answer: wait until the results count every visitor.
    await expect
      .poll(async () => {
        const res = await page.request.get(`${API}/personalizations/${id}/results`);
        const doc = (await res.json()) as ResultsDoc;
        return doc.total.users.control + doc.total.users.treatment;
      })
      .toBe(visitors);
  });

  await test.step("the table: users per arm, the metrics, uplift and p-value, the pooled total", async () => {
    const doc = (await (
      await page.request.get(`${API}/personalizations/${id}/results`)
    ).json()) as ResultsDoc;
    expect(doc.total.users).toEqual(arms);

    await page.goto(`/demo/shop/personalizations/${id}?tab=results`);
    const table = page.getByTestId("results-table");
    await expect(table).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "p-value" })).toBeVisible();
    const experiences = page.getByTestId("results-experience");
    await expect(experiences).toHaveCount(2);
    for (const [i, experience] of doc.experiences.entries()) {
      const group = experiences.nth(i);
      await expect(group).toContainText(experience.name);
      await expect(group.getByTestId("results-users")).toHaveText(
        `Control ${experience.users.control} · Treatment ${experience.users.treatment} users`,
      );
      await expect(group.getByTestId("results-metric-row")).toHaveCount(2);
      await expect(group.getByTestId("results-metric-row").first()).toContainText("conversion rate");
      await expect(group.getByTestId("results-metric-row").nth(1)).toContainText("amount · total per user");
    }
    const total = page.getByTestId("results-total");
    await expect(total).toContainText("All experiences (pooled)");
    await expect(total.getByTestId("results-users")).toHaveText(
      `Control ${arms.control} · Treatment ${arms.treatment} users`,
    );
    // Each experience has fewer than 100 users per arm: no claim. The pooled total has more, and
    // 40% against 10% is a clear win.
    for (const i of [0, 1]) {
      await expect(experiences.nth(i).getByTestId("results-metric-row").first()).toContainText(
        "Not enough data",
      );
    }
    await expect(total.getByTestId("results-metric-row").first()).toContainText("Likely better");
    await expect(total.getByTestId("results-metric-row").first()).toContainText(/< 0\.001|0\.0[0-4]\d/); // p < 0.05
  });

  await test.step("the chart: exposures per day and the conversion rate per arm", async () => {
    const chart = page.getByTestId("results-chart");
    await expect(chart.getByText("Exposures per day")).toBeVisible();
    await expect(chart.getByText("Conversion rate (cumulative)")).toBeVisible();
    await expect(chart.locator("svg.recharts-surface")).not.toHaveCount(0);
    await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(chart.locator(".recharts-line-curve, .recharts-line-dot").first()).toBeAttached();
    await shot("results-frequentist");
  });

  await test.step("switch to the Bayesian engine", async () => {
    await page.getByRole("radio", { name: "Bayesian" }).click();
    await expect(page).toHaveURL(/engine=bayesian/);
    await expect(
      page.getByTestId("results-table").getByRole("columnheader", { name: "Chance to win" }),
    ).toBeVisible();
    await expect(page.getByTestId("results-total").getByTestId("results-metric-row").first()).toContainText(
      /> 99\.9%|9\d\.\d%/,
    );
    await expect(page.getByTestId("results-total").getByTestId("results-metric-row").first()).toContainText(
      "Likely better",
    );
    await shot("results-bayesian");
  });

  await test.step("download the CSV with the same engine", async () => {
    const link = page.getByTestId("results-csv");
    await expect(link).toHaveAttribute("href", /results\.csv\?engine=bayesian$/);
    const downloading = page.waitForEvent("download");
    await link.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^results-.+\.csv$/);
    const text = await readFile((await download.path()) ?? "", "utf8");
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toMatch(/^experience_id,experience,metric_id,metric,primary,arm,users/);
    // (2 experiences + the total) × 2 metrics × 2 arms.
    expect(lines).toHaveLength(1 + 3 * 2 * 2);
    const header = lines[0].split(",");
    const chance = header.indexOf("chance_to_win");
    const treatmentRow = lines.slice(1).find((l) => l.includes(",treatment,")) ?? "";
    expect(Number(treatmentRow.split(",")[chance])).toBeGreaterThan(0);
  });

  await test.step("a date range with nobody in it, then the list's 7-day exposures", async () => {
    await page.goto(`/demo/shop/personalizations/${id}?tab=results&from=2020-01-01&to=2020-01-31`);
    await expect(page.getByText("No exposures in this range")).toBeVisible();

    await page.goto("/demo/shop/personalizations");
    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row.getByRole("cell").nth(5)).toHaveText(String(visitors));
    await shot("personalizations-list");
  });

  await test.step("on a phone, the table scrolls inside its frame", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/demo/shop/personalizations/${id}?tab=results`);
    await expect(page.getByTestId("results-table")).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot("results-phone");
  });
});

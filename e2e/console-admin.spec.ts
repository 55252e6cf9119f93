import { expect, test, type Page } from "@playwright/test";
import { cutOffOutside, snap } from "./helpers";

// The console's project pages as an owner and a viewer use them: API keys (create, use, revoke),
// members (invite a viewer, who can look but not change), settings (time zone), the data pages,
// and the API reference with the network to the outside cut off.
//
// Runs after foundation.spec.ts on the same instance: ada@example.com owns demo/shop there.

const ADA = { email: "ada@example.com", password: "correct horse battery" };
const VIEWER = { email: "vera.viewer@example.com", password: "viewer password 123", name: "Vera Viewer" };
const API = "/api/v1/demo/projects/shop";

test.describe.configure({ mode: "serial" });

let key = "";

/** Signs in from the sign-in page (opened unless the page is on it already). */
async function signIn(page: Page, who: { email: string; password: string }, { open = true } = {}) {
  if (open) await page.goto("/sign-in");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/demo\/shop\/personalizations$/);
}

test.beforeAll(async ({ request }) => {
  const instance = await (await request.get("/api/v1/instance")).json();
  expect(
    instance.hasUsers,
    "console-admin.spec.ts needs foundation.spec.ts to have signed up ada first",
  ).toBe(true);
});

test("an owner creates an API key, sees it once, uses it and revokes it", async ({
  page,
  request,
}, testInfo) => {
  await signIn(page, ADA);
  await page.goto("/demo/shop/sources");
  await expect(page.getByRole("heading", { name: "Sources & API keys", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Create key" }).first().click();
  const create = page.getByRole("dialog", { name: "Create an API key" });
  // The form's own validation, from the same rules as the API.
  await create.getByRole("button", { name: "Create key" }).click();
  await expect(create.getByText("Give the key a name")).toBeVisible();
  await create.getByRole("textbox", { name: "Name" }).fill("e2e server");
  await expect(create.getByRole("checkbox", { name: /decide/ })).toBeChecked();
  await expect(create.getByRole("checkbox", { name: /track/ })).toBeChecked();
  await create.getByRole("checkbox", { name: /manage/ }).check();
  await create.getByRole("button", { name: "Create key" }).click();

  const reveal = page.getByRole("dialog", { name: "Copy your new API key" });
  await expect(reveal.getByText("This is the only time the whole key is shown")).toBeVisible();
  key = await reveal.getByRole("textbox", { name: "API key" }).inputValue();
  expect(key).toMatch(/^bk_\w+\.[\w-]+$/);
  await snap(page, testInfo, "sources-key-revealed");
  await reveal.getByRole("button", { name: /^Done/ }).click();
  await expect(reveal).toBeHidden();

  const row = page.getByRole("row", { name: /e2e server/ });
  await expect(row).toContainText(key.split(".")[0]);
  await expect(row.getByText("manage")).toBeVisible();

  // The key works on its own, with no session.
  const listed = await request.get(`${API}/sources`, { headers: { authorization: `Bearer ${key}` } });
  expect(listed.status()).toBe(200);
  expect((await listed.json()).sources.map((s: { name: string }) => s.name)).toContain("e2e server");

  // Some data for the events, attributes and profiles pages.
  const tracked = await request.post(`${API}/track`, {
    headers: { authorization: `Bearer ${key}` },
    data: {
      track: [
        {
          name: "Identify",
          payload: [
            { userId: "u-e2e", profileId: "anon-e2e", userAttributes: { plan: "pro", first_name: "Eve" } },
          ],
        },
        { name: "e2e_signup", payload: [{ userId: "u-e2e", data: { source: "ads" } }] },
      ],
    },
  });
  expect(tracked.status()).toBe(202);

  await snap(page, testInfo, "sources");
  await page.getByRole("button", { name: "Actions for e2e server" }).click();
  await page.getByRole("menuitem", { name: "Revoke" }).click();
  const confirm = page.getByRole("alertdialog", { name: /Revoke “e2e server”/ });
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText("Key “e2e server” revoked")).toBeVisible();
  await expect(confirm).toBeHidden();

  const refused = await request.get(`${API}/sources`, { headers: { authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);
});

test("an owner invites a viewer, who can look at keys but not create them", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  await signIn(page, ADA);
  await page.goto("/demo/shop/members");
  await page.getByRole("button", { name: "Invite" }).click();
  const invite = page.getByRole("dialog", { name: "Invite to demo" });
  await invite.getByRole("textbox", { name: "Email" }).fill(VIEWER.email);
  await invite.getByRole("combobox", { name: "Role" }).click();
  await page.getByRole("option", { name: /^Viewer/ }).click();
  await invite.getByRole("button", { name: "Create invite link" }).click();

  const share = page.getByRole("dialog", { name: "Share the invite link" });
  const link = await share.getByRole("textbox", { name: "Invite link" }).inputValue();
  expect(link).toMatch(new RegExp(`^${baseURL}/invite/[\\w-]{20,}$`));
  await snap(page, testInfo, "members-invite-link");
  await share.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("row", { name: new RegExp(VIEWER.email) })).toContainText("Viewer");
  await snap(page, testInfo, "members");

  // The invitee, in a browser of their own.
  const context = await browser.newContext();
  const viewer = await context.newPage();
  await viewer.goto(link);
  await viewer.getByLabel("Your name").fill(VIEWER.name);
  await viewer.getByLabel("Password").fill(VIEWER.password);
  await viewer.getByRole("button", { name: "Join demo" }).click();
  await expect(viewer).toHaveURL(/\/demo\/shop\/personalizations$/);
  await viewer.getByRole("button", { name: /^Account:/ }).click();
  await viewer.getByRole("menuitem", { name: "Sign out" }).click();
  // Sign out ends with a full-page redirect: wait for it rather than navigate over it.
  await viewer.waitForURL(/\/sign-in/, { waitUntil: "load" });
  await signIn(viewer, VIEWER, { open: false });

  await viewer.goto("/demo/shop/sources");
  // The project's only key is revoked: listed behind the switch.
  await viewer.getByRole("switch", { name: /Show revoked keys \(1\)/ }).click();
  await expect(viewer.getByRole("row", { name: /e2e server/ })).toContainText("Revoked");
  await expect(viewer.getByRole("button", { name: "Create key" })).not.toBeEnabled();
  await expect(
    viewer.getByText("Only owners and admins can create, rename or revoke API keys."),
  ).toBeVisible();
  await snap(viewer, testInfo, "sources-as-viewer");

  // The API says no whatever the page shows.
  const post = await viewer.request.post(`${API}/sources`, { data: { name: "sneaky", scopes: ["decide"] } });
  expect(post.status()).toBe(403);
  expect((await post.json()).error.code).toBe("forbidden");

  await viewer.goto("/demo/shop/members");
  await expect(viewer.getByRole("row", { name: /Vera Viewer/ })).toContainText("Viewer");
  await expect(viewer.getByRole("button", { name: "Invite" })).not.toBeEnabled();
  await context.close();
});

test("an owner changes the project's time zone", async ({ page }, testInfo) => {
  await signIn(page, ADA);
  await page.goto("/demo/shop/settings");
  const zone = page.getByLabel("Time zone");
  await expect(zone).toHaveValue("UTC");
  await zone.selectOption("Europe/Berlin");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Project settings saved")).toBeVisible();

  const project = await page.request.get(API);
  expect((await project.json()).timezone).toBe("Europe/Berlin");
  await page.reload();
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  await snap(page, testInfo, "settings");
});

test("the events, attributes and profiles pages show what track received", async ({ page }, testInfo) => {
  await signIn(page, ADA);
  await page.goto("/demo/shop/events");
  await expect(page.getByRole("row").filter({ hasText: "e2e_signup" })).toContainText("1");
  await snap(page, testInfo, "events");

  await page.goto("/demo/shop/attributes");
  await page.getByRole("searchbox", { name: "Search attribute paths" }).fill("plan");
  await expect(page.getByRole("row").filter({ hasText: "user.plan" })).toContainText("string");
  await snap(page, testInfo, "attributes");

  await page.goto("/demo/shop/profiles");
  await page.getByRole("textbox", { name: "User id" }).fill("u-e2e");
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(page).toHaveURL(/\?userId=u-e2e$/);
  await expect(page.getByText('"pro"')).toBeVisible();
  await expect(page.getByText("anon-e2e")).toBeVisible();
  await page.getByRole("tab", { name: /Events/ }).click();
  await expect(page.getByRole("row").filter({ hasText: "e2e_signup" })).toBeVisible();
  await snap(page, testInfo, "profiles");
});

test("the API reference renders and answers with the network to the outside cut off", async ({
  page,
}, testInfo) => {
  // Swagger UI parses and renders the whole document in one go: seconds on a busy CI machine.
  test.setTimeout(120_000);
  const outside = await cutOffOutside(page);
  await signIn(page, ADA);
  await page.goto("/demo/shop/api-reference");
  const reference = page.locator(".bespoke-swagger");
  await expect(reference.getByRole("heading", { name: /Bespoke API/ })).toBeVisible({ timeout: 60_000 });

  // "Try it out" on GET …/sources, with the project filled in and the session cookie.
  const operation = reference
    .locator(".opblock-get", { hasText: "/api/v1/{orgName}/projects/{projectName}/sources" })
    .first();
  await operation.locator(".opblock-summary").first().click();
  await operation.getByRole("button", { name: "Try it out" }).click();
  await expect(operation.locator('tr[data-param-name="orgName"] input')).toHaveValue("demo");
  await expect(operation.locator('tr[data-param-name="projectName"] input')).toHaveValue("shop");
  await operation.getByRole("button", { name: "Execute" }).click();
  await expect(operation.locator(".live-responses-table tbody .response-col_status").first()).toHaveText(
    "200",
  );
  await snap(page, testInfo, "api-reference");
  expect(outside).toEqual([]);
});

// Browser-test helpers shared by the console specs (not a spec: Playwright only runs *.spec.ts).
import { expect, type Locator, type Page, type TestInfo } from "@playwright/test";

/** A full-page screenshot saved as a test artifact. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

/** Aborts every request to a host other than the app's own; returns the list of those requests. */
export async function cutOffOutside(page: Page): Promise<string[]> {
  const outside: string[] = [];
  await page.route("**/*", (route) => {
    const { hostname, protocol } = new URL(route.request().url());
    if (protocol === "data:" || protocol === "blob:" || hostname === "127.0.0.1" || hostname === "localhost")
      return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  return outside;
}

/**
 * Replaces the whole text of a Monaco editor by pasting it (typed text would be auto-closed by
 * the editor: `{` becomes `{}`). The paste is a ClipboardEvent on Monaco's input, as the browser
 * fires it for Ctrl+V, without needing the system clipboard.
 */
export async function replaceEditorText(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await editor.locator("textarea").evaluate((input, value) => {
    const data = new DataTransfer();
    data.setData("text/plain", value);
    input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await expect(editor.locator(".view-lines")).toContainText(text.split("\n").at(-1)?.trim().slice(0, 12) ?? "");
}

/** Fills the sign-up form of an empty instance (the page is on /sign-up) and creates the workspace. */
export async function signUp(page: Page, who: { name: string; email: string; password: string; organization: string; project: string }): Promise<void> {
  await page.getByLabel("Your name").fill(who.name);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByLabel("Organization").fill(who.organization);
  await page.getByLabel("First project").fill(who.project);
  await page.getByRole("button", { name: "Create workspace" }).click();
}

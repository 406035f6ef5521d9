/**
 * GraphiQL at /graphql works under the page's CSP: its editor's workers start
 * (no CSP error in the console), a misspelt field is underlined, and
 * autocompletion offers the schema's fields.
 */
import { expect, it } from "vitest";
import { useAppInBrowser } from "./support/app-in-browser.ts";
import { screenshot } from "./support/browser.ts";

const session = useAppInBrowser("graphiql");

it("GraphiQL underlines errors and completes fields, with no CSP error", async () => {
  const page = await session.browser.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(`${session.app.url}/graphql`, { waitUntil: "networkidle" });
  const editor = page.locator(".graphiql-query-editor .monaco-editor").first();
  await editor.waitFor();
  await editor.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type('{ concpt(slug: "docker") { name } }');
  await expect.poll(() => page.locator(".squiggly-error").count(), { timeout: 15_000 }).toBeGreaterThan(0);
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type("{ conc");
  await page.keyboard.press("Control+Space");
  const suggestions = page.locator(".suggest-widget");
  await suggestions.waitFor({ timeout: 15_000 });
  expect(await suggestions.innerText()).toMatch(/\bconcept\b/);
  await screenshot(page, "graphiql-completion");
  expect(problems).toEqual([]);
  await page.close();
});

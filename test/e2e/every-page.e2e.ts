/**
 * Every page of the app, loaded directly as a shared link or a refresh would
 * load it, on a 360 px phone and a 1280 px screen, in the light and the dark
 * scheme: it answers 200, draws its heading, never scrolls sideways, logs no
 * error and has no serious accessibility finding. And "?" lists the shortcuts.
 */
import { describe, expect, it } from "vitest";
import { APP_PAGES } from "../../schema/app-pages.ts";
import { expectAccessible } from "./support/accessibility.ts";
import { useAppInBrowser } from "./support/app-in-browser.ts";
import { screenshot } from "./support/browser.ts";

const session = useAppInBrowser("pages");

const PAGES: [string, string][] = [...Object.entries(APP_PAGES), ["concept", "/concepts/container"]];
const SCREENS = [
  { width: 360, dark: true },
  { width: 360, dark: false },
  { width: 1280, dark: false },
  { width: 1280, dark: true },
];

describe("every page, loaded directly", () => {
  for (const screen of SCREENS) {
    it(`at ${screen.width} px in the ${screen.dark ? "dark" : "light"} scheme`, { timeout: 240_000 }, async () => {
      const context = await session.browser.newContext({ viewport: { width: screen.width, height: 800 }, colorScheme: screen.dark ? "dark" : "light" });
      try {
        for (const [name, path] of PAGES) {
          const page = await context.newPage();
          const errors: string[] = [];
          page.on("pageerror", (error) => errors.push(`${path}: ${error.message}`));
          page.on("console", (message) => {
            if (message.type() === "error") errors.push(`${path}: console: ${message.text()}`);
          });
          const response = await page.goto(`${session.app.url}${path}`);
          expect(response?.status(), path).toBe(200);
          await page.getByRole("heading", { level: 1 }).first().waitFor();
          await page.waitForLoadState("networkidle");
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${path} is ${overflow} px wider than the screen`).toBeLessThanOrEqual(0);
          expect(errors).toEqual([]);
          await expectAccessible(page, `${path} at ${screen.width} px ${screen.dark ? "dark" : "light"}`);
          if (screen.width === 360 && screen.dark) await screenshot(page, `every-page-${name}-phone-dark`);
          await page.close();
        }
      } finally {
        await context.close();
      }
    });
  }
});

describe("keyboard shortcuts", () => {
  it('"?" opens the list of shortcuts and Escape closes it; "?" typed in a field stays a character', async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${session.app.url}/explore`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    // Explore puts the cursor in its search box; "?" there is just a character.
    await page.keyboard.type("?");
    expect(await page.getByRole("dialog").count()).toBe(0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/Flashcards[\s\S]*Space[\s\S]*Quiz/);
    await expectAccessible(page, "shortcuts dialog");
    await screenshot(page, "shortcuts-dialog");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await context.close();
  });
});

describe("flashcards for a first-time learner", () => {
  it("explains the four ratings until dismissed, and offers the chosen deck for Anki", async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${session.app.url}/flashcards`);
    const guide = page.getByRole("region", { name: "How to rate a card" });
    await guide.waitFor();
    expect(await guide.innerText()).toMatch(/Again[\s\S]*Hard[\s\S]*Good[\s\S]*Easy/);
    await expectAccessible(page, "ratings guide");
    await guide.getByRole("button", { name: "Got it" }).click();
    await guide.waitFor({ state: "detached" });
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Flashcards" }).waitFor();
    expect(await guide.count()).toBe(0);
    // The deck on screen downloads as a CSV Anki imports.
    const href = await page.getByRole("link", { name: "Download for Anki" }).getAttribute("href");
    expect(href).toMatch(/^\/decks\/[^/]+\/anki\.csv$/);
    const csv = await fetch(`${session.app.url}${href}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    await context.close();
  });
});

describe("flashcards on a phone", () => {
  it("keeps the ratings in view after flipping, shows no key hints, and rates Good with a swipe right", async () => {
    const context = await session.browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, colorScheme: "dark" });
    const page = await context.newPage();
    await page.goto(`${session.app.url}/flashcards`);
    await page.getByRole("button", { name: "Got it" }).click();
    const show = page.getByRole("button", { name: /Show answer/ });
    await show.waitFor();
    expect(await page.locator("main kbd:visible").count(), "key hints on a touch screen").toBe(0);
    await show.click();
    const good = page.getByRole("group", { name: "How well did you know it?" }).getByRole("button", { name: /Good/ });
    await good.waitFor();
    const box = await good.boundingBox();
    expect(box && box.y + box.height, "the Good button is on screen").toBeLessThanOrEqual(640);
    expect(await page.locator("main kbd:visible").count(), "key hints on a touch screen").toBe(0);
    // What the phone shows (a full-page capture would drop the touch emulation).
    await page.screenshot({ path: "test-results/screenshots/flashcards-phone-flipped.png" });
    // A swipe to the right rates the card Good.
    const card = page.getByRole("region", { name: "Flashcard" });
    const cardBox = (await card.boundingBox()) as { x: number; y: number; width: number; height: number };
    const y = cardBox.y + 40;
    await card.dispatchEvent("pointerdown", { pointerType: "touch", clientX: cardBox.x + 20, clientY: y, isPrimary: true });
    await card.dispatchEvent("pointerup", { pointerType: "touch", clientX: cardBox.x + 20 + 160, clientY: y + 5, isPrimary: true });
    await page.getByRole("button", { name: /Undo last rating/ }).waitFor();
    await context.close();
  });
});

describe("the neighbourhood picture", () => {
  it("keeps its labels readable on a phone, at two steps and zoomed out", async () => {
    const context = await session.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${session.app.url}/concepts/container`);
    const picture = page.getByRole("group", { name: /Picture of/ });
    await picture.locator(".node").first().waitFor();
    await page.getByLabel("Reach").selectOption("2");
    await expect.poll(() => picture.locator(".node").count()).toBeGreaterThan(10);
    const smallest = () => picture.locator(".node text").evaluateAll((texts) => Math.min(...texts.map((t) => t.getBoundingClientRect().height)));
    await expect.poll(smallest).toBeGreaterThanOrEqual(10);
    await page.getByRole("button", { name: "Zoom out" }).click();
    await page.getByRole("button", { name: "Zoom out" }).click();
    await expect.poll(smallest).toBeGreaterThanOrEqual(10);
    await page.screenshot({ path: "test-results/screenshots/neighbourhood-phone-two-steps.png" });
    await context.close();
  });
});

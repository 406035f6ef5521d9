/**
 * The web app as a learner uses it, in real Chromium against the real server
 * on PGlite: search with a typo, open a concept, take every kind of quiz to
 * its results with the keyboard alone, study flashcards and watch the due
 * dates move, compare two concepts, survive the API being down — each page
 * checked with axe and photographed.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOURCES_DIR } from "../support/seed-paths.ts";
import { spawnServer, type SpawnedServer } from "../support/spawn-server.ts";
import { launchBrowser, screenshot } from "./support/browser.ts";

let app: SpawnedServer;
let browser: Browser;

beforeAll(async () => {
  app = await spawnServer({ DATA_DIR: join(mkdtempSync(join(tmpdir(), "graphdeck-app-")), ".data"), DATABASE_URL: "", SOURCES_DIR: SOURCES_DIR ?? "" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function open(path: string, options: { width?: number; dark?: boolean } = {}) {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1100, height: 800 }, colorScheme: options.dark ? "dark" : "light" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${app.url}${path}`);
  return { page, errors, close: () => context.close() };
}

/** No serious or critical accessibility violations. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  const result = await new AxeBuilder({ page: page as never }).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), name).toEqual([]);
}

describe("the web app", () => {
  it("loads its first page within 50 KiB of gzipped JavaScript", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts: Buffer[] = [];
    page.on("response", async (response) => {
      if (response.request().resourceType() === "script") scripts.push(await response.body());
    });
    await page.goto(`${app.url}/`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.waitForLoadState("networkidle");
    const gzipped = scripts.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
    expect(gzipped).toBeLessThanOrEqual(50 * 1024);
    await screenshot(page, "app-home");
    await expectAccessible(page, "home");
    await context.close();
  });

  it("finds a concept despite a typo and opens its page", async () => {
    const { page, errors, close } = await open("/explore");
    await page.getByLabel("Search concepts").fill("virtualbx");
    const result = page.getByRole("link", { name: "VirtualBox" });
    await result.waitFor();
    await result.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "VirtualBox" }).waitFor();
    expect(await page.locator(".kind").first().innerText()).toMatch(/hypervisor/i);
    expect(await page.getByRole("link", { name: "Type 2 hypervisor" }).count()).toBeGreaterThan(0);
    expect(await page.locator(".citations li").count()).toBeGreaterThan(0);
    expect(await page.title()).toBe("VirtualBox · Graphdeck");
    expect(await page.locator("pre code").innerText()).toContain('<graphdeck-card concept="virtualbox"');
    // The live preview of the embed renders the card.
    await page.locator("graphdeck-card article").waitFor();
    expect(errors).toEqual([]);
    await screenshot(page, "app-concept-virtualbox");
    await expectAccessible(page, "concept page");
    // Loaded directly (as an oEmbed consumer does), the page carries the discovery link.
    await page.goto(`${app.url}/concepts/virtualbox`);
    expect(await page.locator('link[type="application/json+oembed"]').count()).toBe(1);
    await page.getByRole("heading", { level: 1, name: "VirtualBox" }).waitFor();
    await close();
  });

  for (const kind of ["DEFINITION", "CLASSIFICATION", "COMPARISON", "PROS_CONS", "TRUE_FALSE", "MIXED"]) {
    it(`takes a ${kind} quiz to the results with the keyboard`, async () => {
      const { page, errors, close } = await open(`/quiz/play?kind=${kind}&count=3&seed=5`);
      for (let i = 0; i < 3; i++) {
        await page.getByRole("heading", { level: 1 }).waitFor();
        await page.keyboard.press("1");
        const feedback = page.getByRole("status").filter({ hasText: /Right\.|Not quite\./ });
        await feedback.waitFor();
        if (i === 0) await expectAccessible(page, `${kind} question`);
        await page.keyboard.press("Enter");
      }
      const results = page.getByRole("heading", { level: 1, name: /You scored \d of 3/ });
      await results.waitFor();
      expect(await page.getByRole("link", { name: /seed=5/ }).count()).toBe(1);
      expect(errors).toEqual([]);
      if (kind === "MIXED") {
        await screenshot(page, "app-quiz-results");
        await expectAccessible(page, "quiz results");
      }
      await close();
    });
  }

  it("studies flashcards with the keyboard, and the due dates move", async () => {
    const { page, errors, close } = await open("/flashcards?deck=topic:hypervisor");
    await page.locator(".flashcard .front").waitFor();
    await page.keyboard.press("Space");
    await page.getByRole("group", { name: /how well/i }).waitFor();
    expect(await page.locator(".ratings .interval").allInnerTexts()).toHaveLength(4);
    await screenshot(page, "app-flashcard-flipped");
    await expectAccessible(page, "flashcards");
    const first = await page.locator(".flashcard .front").innerText();
    await page.keyboard.press("3");
    await page.getByRole("status").filter({ hasText: /^Good: back in/ }).waitFor();
    // The server now has the card due later than now.
    const progress = await page.evaluate(async () => {
      const token = localStorage.getItem("graphdeck.token");
      const response = await fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: "{ progress { cards { learning review } } exportProgress }" }),
      });
      return (await response.json()) as { data: { progress: { cards: { learning: number; review: number } }; exportProgress: string } };
    });
    expect(progress.data.progress.cards.learning + progress.data.progress.cards.review).toBe(1);
    const due = (JSON.parse(progress.data.exportProgress) as { cards: { due: string }[] }).cards[0]?.due ?? "";
    expect(new Date(due).getTime()).toBeGreaterThan(Date.now());
    expect(await page.locator(".flashcard .front").innerText()).not.toBe(first);
    await page.keyboard.press("u");
    await page.getByRole("status").filter({ hasText: "Last rating undone." }).waitFor();
    expect(await page.locator(".flashcard .front").innerText()).toBe(first);
    expect(errors).toEqual([]);
    await close();
  });

  it("compares containers and VMs side by side, on a phone too", async () => {
    const { page, errors, close } = await open("/compare", { width: 360, dark: true });
    const row = page.getByRole("row", { name: /Startup time/ });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/seconds[\s\S]*minutes/);
    await expect.poll(() => page.getByLabel("First concept").inputValue()).toBe("container");
    expect(await page.getByLabel("Second concept").inputValue()).toBe("virtual-machine");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await screenshot(page, "app-compare-phone-dark");
    await expectAccessible(page, "compare");
    await page.getByLabel("Second concept").selectOption("podman");
    await page.getByRole("link", { name: "Container engine" }).waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  it("says so, with a retry, when the API is down", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route("**/graphql", (route) => route.abort());
    await page.goto(`${app.url}/explore?q=docker`);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/cannot be reached/);
    await page.unroute("**/graphql");
    await alert.getByRole("button", { name: "Try again" }).click();
    await page.getByRole("link", { name: "Docker" }).first().waitFor();
    await context.close();
  });
});

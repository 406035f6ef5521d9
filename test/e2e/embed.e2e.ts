/**
 * A site author's page, on another origin, embedding two cards and one iframe:
 * the cards render the right text in one request, the page's aggressive CSS
 * does not reach them, the iframe sizes itself, the quiz grades on the
 * server, hostile content stays text and a failure leaves the author's fallback.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_NAME, HOSTILE_SUMMARY, hostileSeeds } from "../support/hostile-seeds.ts";
import { seedFacts } from "../support/seed-graph.ts";
import { SOURCES_DIR } from "../support/seed-paths.ts";
import { spawnServer, type SpawnedServer } from "../support/spawn-server.ts";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchBrowser, screenshot } from "./support/browser.ts";

let app: SpawnedServer;
let host: Server;
let hostUrl: string;
let browser: Browser;

// The author's page: loud styles that must not leak into the cards.
function hostPage(appUrl: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog about containers</title>
<style>
  * { color: rgb(255, 0, 0) !important; font-family: "Comic Sans MS", cursive !important; }
  article, div, p, h2 { border: 9px dashed lime !important; margin: 40px !important; }
  body { background: #ffe; }
  /* The one sanctioned way in: the card's custom properties. */
  graphdeck-card[concept="cgroups"] { --graphdeck-accent: rgb(120, 20, 160); }
</style></head><body>
<h1>My post about isolation</h1>
${body}
<script src="${appUrl}/embed.js" async></script>
</body></html>`;
}

const pages = new Map<string, string>();
const facts = seedFacts();

beforeAll(async () => {
  app = await spawnServer({ DATA_DIR: join(mkdtempSync(join(tmpdir(), "graphdeck-e2e-")), ".data"), DATABASE_URL: "", SEEDS_DIR: hostileSeeds(), SOURCES_DIR: SOURCES_DIR ?? "" });
  host = createServer((req, res) => {
    const page = pages.get(req.url ?? "/");
    res.writeHead(page ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    res.end(page ?? "not found");
  });
  await new Promise<void>((done) => host.listen(0, "127.0.0.1", done));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  pages.set(
    "/post",
    hostPage(
      app.url,
      `<graphdeck-card concept="cgroups"><a href="${app.url}/concepts/cgroups">Control groups on Graphdeck</a></graphdeck-card>
<p>Some text between the cards.</p>
<graphdeck-card concept="container" theme="dark" quiz></graphdeck-card>
<iframe id="frame" src="${app.url}/embed/concept/virtualbox" title="VirtualBox" width="480" height="50" style="border:0"></iframe>`,
    ),
  );
  pages.set(
    "/hostile",
    hostPage(app.url, `<graphdeck-card concept="hostile-test"></graphdeck-card><graphdeck-card concept="virtualbx"><a id="missing-fallback" href="${app.url}/">VirtualBox on Graphdeck</a></graphdeck-card>`),
  );
  pages.set("/offline", hostPage(app.url, `<graphdeck-card concept="cgroups"><a id="fallback" href="${app.url}/concepts/cgroups">Control groups on Graphdeck</a></graphdeck-card>`));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => host?.close(done));
  await app?.stop();
});

async function open(path: string, setup?: (page: Page) => Promise<void>) {
  const page = await browser.newPage();
  const problems: string[] = [];
  const graphqlRequests: string[] = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("request", (request) => {
    if (request.url().includes("/graphql")) graphqlRequests.push(request.url());
  });
  await setup?.(page);
  await page.goto(`${hostUrl}${path}`);
  return { page, problems, graphqlRequests };
}

/** The text inside a card's shadow root, once it rendered. */
async function cardText(page: Page, index: number): Promise<string> {
  const card = page.locator("graphdeck-card").nth(index);
  await card.locator("article").waitFor();
  return card.locator("article").innerText();
}

describe("embedded cards on another site", () => {
  it("render the right text, all cards in one request", async () => {
    const { page, problems, graphqlRequests } = await open("/post");
    // What the seeds say of each concept: its kind, name and summary, in that order.
    for (const [i, slug] of ["cgroups", "container"].entries()) {
      const concept = facts.seeds.concepts.find((c) => c.slug === slug);
      const kind = facts.seeds.vocabulary.kinds.find((k) => k.slug === concept?.kind);
      const text = await cardText(page, i);
      expect(text.toLowerCase().indexOf((kind?.label ?? "?").toLowerCase()), text).toBe(0);
      expect(text.indexOf(concept?.name ?? "?"), text).toBeGreaterThan(0);
      expect(text.indexOf(concept?.summary ?? "?"), text).toBeGreaterThan(text.indexOf(concept?.name ?? "?"));
    }
    // Only the card with the quiz attribute asks a question.
    expect(await page.locator("graphdeck-card").nth(0).locator(".quiz").count()).toBe(0);
    expect(await page.locator("graphdeck-card").nth(1).locator(".quiz").count()).toBe(1);
    expect(graphqlRequests).toHaveLength(1);
    // By the operation's hash over GET, as the app's reads: a short URL a CDN can cache, no document in it.
    const read = new URL(graphqlRequests[0] as string);
    expect(read.searchParams.get("extensions")).toContain('"persistedQuery"');
    expect(read.searchParams.has("query")).toBe(false);
    expect(problems).toEqual([]);
    await screenshot(page, "embed-host-page");
    await page.close();
  });

  it("keep the host page's CSS out, and take the theme", async () => {
    const { page } = await open("/post");
    await cardText(page, 1);
    const style = (index: number, selector: string) =>
      page.locator("graphdeck-card").nth(index).locator(selector).evaluate((el) => {
        const s = getComputedStyle(el);
        return { color: s.color, font: s.fontFamily, border: s.borderTopWidth, margin: s.marginTop, background: s.backgroundColor };
      });
    const light = await style(0, "article");
    expect(light.color).not.toBe("rgb(255, 0, 0)");
    expect(light.font).not.toMatch(/Comic/);
    expect(light.border).toBe("1px");
    expect(light.margin).toBe("0px");
    expect((await style(0, "h2 a")).color).toBe("rgb(120, 20, 160)");
    const dark = await style(1, "article");
    expect(dark.background).toBe("rgb(22, 27, 34)");
    expect(light.background).toBe("rgb(255, 255, 255)");
    await page.close();
  });

  it("size the iframe to its content, also after a resize", async () => {
    const { page } = await open("/post");
    const frame = page.locator("#frame");
    // Chrome pauses rendering in off-screen cross-origin frames; a reader scrolls to it first.
    await frame.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => (document.querySelector("#frame") as HTMLIFrameElement).getBoundingClientRect().height > 100);
    const fits = async () => {
      const outer = await frame.evaluate((el) => el.getBoundingClientRect().height);
      const inner = await page.frameLocator("#frame").locator("html").evaluate((el) => el.getBoundingClientRect().height);
      return { outer, inner };
    };
    const wide = await fits();
    expect(Math.abs(wide.outer - wide.inner)).toBeLessThanOrEqual(1);
    await frame.evaluate((el) => ((el as HTMLIFrameElement).width = "220"));
    await page.waitForFunction((before) => (document.querySelector("#frame") as HTMLIFrameElement).getBoundingClientRect().height > before + 20, wide.outer);
    const narrow = await fits();
    expect(Math.abs(narrow.outer - narrow.inner)).toBeLessThanOrEqual(1);
    const scrolls = await page.frameLocator("#frame").locator("html").evaluate((el) => el.scrollHeight > el.clientHeight + 1);
    expect(scrolls).toBe(false);
    await screenshot(page, "embed-host-page-narrow-iframe");
    await page.close();
  });

  it("grade the test-yourself question on the server", async () => {
    const { page, problems } = await open("/post");
    const card = page.locator("graphdeck-card").nth(1);
    const choices = card.locator(".choices button");
    await choices.first().waitFor();
    expect(await choices.count()).toBeGreaterThanOrEqual(2);
    await choices.first().click();
    await expect.poll(() => card.locator(".feedback").innerText()).toMatch(/^(Right|Not quite)\. .{10,}/);
    expect(await card.locator("button.right").count()).toBe(1);
    // Not by colour alone: the right answer says so in words.
    expect(await card.locator("button.right").innerText()).toMatch(/^✓ Right answer: /);
    expect(await choices.first().isDisabled()).toBe(true);
    expect(problems).toEqual([]);
    await screenshot(page, "embed-quiz-answered");
    await page.close();
  });

  it("render hostile names as text, and keep the author's fallback for an unknown concept with a hint in the console", async () => {
    const { page, problems } = await open("/hostile");
    const hints: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "warning") hints.push(message.text());
    });
    const text = await cardText(page, 0);
    expect(text).toContain(HOSTILE_NAME);
    expect(text).toContain(HOSTILE_SUMMARY);
    expect(await page.locator("graphdeck-card").nth(0).locator("img").count()).toBe(0);
    await expect.poll(() => hints.join("\n")).toMatch(/concept="virtualbx">: Graphdeck has no such concept; did you mean concept="virtualbox"\?/);
    expect(await page.locator("graphdeck-card").nth(1).locator(".card").count()).toBe(0);
    expect(await page.locator("#missing-fallback").isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await screenshot(page, "embed-hostile-and-missing");
    await page.close();
  });

  it("leave the author's fallback in place, and the page unharmed, when the API is unreachable", async () => {
    const { page, problems } = await open("/offline", async (p) => {
      await p.route("**/graphql**", (route) => route.abort());
    });
    await page.waitForTimeout(500);
    await expect.poll(() => page.locator("#fallback").isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});

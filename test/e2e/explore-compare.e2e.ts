/**
 * Explore and compare as a learner uses them, in real Chromium against the
 * real server on PGlite: typos find the right concept first with the matched
 * words marked, an empty box lists every concept by kind, any two concepts
 * compare on well-filled rows, the same one twice is explained, and nothing
 * scrolls sideways on a 360 px phone.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "./support/accessibility.ts";
import { useAppInBrowser } from "./support/app-in-browser.ts";
import { screenshot } from "./support/browser.ts";

const session = useAppInBrowser("explore");

async function open(path: string, options: { width?: number; dark?: boolean } = {}) {
  const context = await session.browser.newContext({ viewport: { width: options.width ?? 1280, height: 800 }, colorScheme: options.dark ? "dark" : "light" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  // Failed requests are reported by address below (the favicon is another page's business).
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(message.text());
  });
  page.on("response", (response) => {
    if (response.status() >= 400 && !new URL(response.url()).pathname.startsWith("/favicon")) errors.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${session.app.url}${path}`);
  return { page, errors, close: () => context.close() };
}

async function api<T>(query: string): Promise<T> {
  const response = await fetch(`${session.app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  return ((await response.json()) as { data: T }).data;
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** Rows of the comparison tables whose two cells both hold something (not "—"). */
async function filledRows(page: Page): Promise<string[]> {
  return page
    .locator("table.comparison tbody tr")
    .evaluateAll((rows) =>
      rows
        .filter((row) => {
          const cells = [...row.querySelectorAll("td")].map((td) => (td.querySelector(".side-name") ? td.innerText.replace(/^[^:]*:\s*/, "") : td.innerText).trim());
          return cells.length === 2 && cells.every((text) => text !== "" && text !== "—");
        })
        .map((row) => row.querySelector("th")?.textContent ?? ""),
    );
}

describe("explore and compare", () => {
  for (const [typo, name] of [
    ["namespase", "Linux namespaces"],
    ["dockr", "Docker"],
    ["virtualbx", "VirtualBox"],
  ] as const) {
    it(`ranks ${name} first for "${typo}", the matched words marked`, async () => {
      const { page, errors, close } = await open("/explore");
      await page.getByLabel("Search concepts").fill(typo);
      const first = page.locator(".search-hits > li").first();
      await first.waitFor();
      await expect.poll(() => first.getByRole("link").first().innerText()).toBe(name);
      // The name it was taken for is marked, and the snippet is text (no markup came through as HTML).
      expect(await first.locator("mark").count()).toBeGreaterThan(0);
      expect(await first.locator(".snippet").innerText()).not.toMatch(/<\/?[a-z]/i);
      expect(new URL(page.url()).searchParams.get("q")).toBe(typo);
      if (typo === "dockr") await screenshot(page, "explore-typo-1280");
      expect(errors).toEqual([]);
      await close();
    });
  }

  it("lists every concept by kind when the box is empty, and filters by kind", async () => {
    const { concepts, kinds } = await api<{ concepts: { totalCount: number }; kinds: { slug: string; plural: string; count: number }[] }>(
      "{ concepts(first: 1) { totalCount } kinds { slug plural count } }",
    );
    const { page, errors, close } = await open("/explore");
    const list = page.locator(".concept-list li");
    await list.first().waitFor();
    expect(await list.count()).toBe(concepts.totalCount);
    const groups = await page.locator(".kind-group h2").allInnerTexts();
    expect(groups.length).toBe(kinds.filter((k) => k.count > 0).length);
    await screenshot(page, "explore-all-1280");
    // One kind only.
    const kind = kinds.find((k) => k.count > 1) as { slug: string; plural: string; count: number };
    await page.getByLabel("Kind").selectOption(kind.slug);
    await expect.poll(() => list.count()).toBe(kind.count);
    expect(await page.locator(".kind-group h2").allInnerTexts()).toEqual([`${kind.plural} (${kind.count})`]);
    expect(new URL(page.url()).searchParams.get("kind")).toBe(kind.slug);
    expect(errors).toEqual([]);
    await close();
  });

  it("compares Docker with a VM and with Podman on at least six filled rows, pickers on one line", async () => {
    const { page, errors, close } = await open("/compare?a=docker&b=virtual-machine");
    await page.locator("table.comparison tbody tr").first().waitFor();
    const vm = await filledRows(page);
    expect(vm.length, vm.join(", ")).toBeGreaterThanOrEqual(6);
    await page.getByRole("heading", { name: "In common" }).waitFor();
    await page.getByRole("heading", { name: "Where they differ" }).waitFor();
    // At 1280 px the two pickers sit side by side.
    const [a, b] = await Promise.all([page.getByLabel("First concept").boundingBox(), page.getByLabel("Second concept").boundingBox()]);
    expect(Math.abs((a?.y ?? 0) - (b?.y ?? 1))).toBeLessThan(2);
    await screenshot(page, "compare-docker-vm-1280");
    await page.getByLabel("Second concept").selectOption("podman");
    await expect.poll(() => page.locator("table.comparison caption").first().innerText()).toMatch(/Podman/);
    const podman = await filledRows(page);
    expect(podman.length, podman.join(", ")).toBeGreaterThanOrEqual(6);
    expect(errors).toEqual([]);
    await close();
  });

  it("explains the same concept picked twice instead of failing", async () => {
    const { page, errors, close } = await open("/compare?a=docker&b=docker", { width: 360, dark: true });
    await page.getByRole("status").filter({ hasText: "Both boxes hold Docker" }).waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Try again" }).count()).toBe(0);
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    // Choosing another concept brings the comparison.
    await page.getByLabel("Second concept").selectOption("podman");
    await page.locator("table.comparison tbody tr").first().waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  it("times a matching round, keeps the best time for it, and punctuates cleanly", async () => {
    type Round = { terms: { text: string; matchId: string }[]; targets: { id: string; text: string }[] };
    const { matching: round } = await api<{ matching: Round }>("{ matching(kind: SUMMARY, seed: 5) { terms { text matchId } targets { id text } } }");
    const { page, errors, close } = await open("/match?kind=SUMMARY&seed=5", { width: 360, dark: true });
    const timer = page.getByRole("timer");
    await timer.waitFor();
    expect(await timer.innerText()).toBe("0:00");
    const play = async () => {
      for (const term of round.terms) {
        await page.getByRole("region", { name: "Terms" }).getByRole("button", { name: term.text, exact: true }).click();
        const target = round.targets.find((t) => t.id === term.matchId)?.text ?? "";
        await page.getByRole("region", { name: "Summaries" }).getByRole("button", { name: target, exact: true }).click();
        const status = page.getByRole("status").filter({ hasText: `Right: ${term.text}` });
        await status.waitFor();
        expect(await status.innerText()).not.toMatch(/\.\./);
      }
      await page.getByRole("heading", { name: /^All matched/ }).waitFor();
    };
    await play();
    expect(await page.getByText(/^Time: \d+:\d\d\./).count()).toBe(1);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("graphdeck.match.best:SUMMARY:5:")).length)).toBe(1);
    // The same round again shows the best time beside the clock.
    await page.reload();
    await page.getByText(/Best \d+:\d\d/).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
    await close();
  });

  it("never scrolls sideways on a 360 px phone in the dark scheme", async () => {
    const { page, errors, close } = await open("/explore", { width: 360, dark: true });
    const paths = ["/explore", "/explore?q=dockr", "/explore?q=daemon%20root%20access", "/compare", "/compare?a=docker&b=virtual-machine", "/compare?a=docker&b=podman"];
    for (const path of paths) {
      await page.goto(`${session.app.url}${path}`);
      await page.locator(".concept-list li, .search-hits li, table.comparison tbody tr").first().waitFor();
      await page.waitForLoadState("networkidle");
      expect(await pageWidth(page), path).toBeLessThanOrEqual(360);
      await expectAccessible(page, `${path} (dark, 360 px)`);
      if (path === "/explore") await screenshot(page, "explore-all-phone-dark");
      if (path === "/explore?q=dockr") await screenshot(page, "explore-typo-phone-dark");
      if (path === "/compare?a=docker&b=virtual-machine") await screenshot(page, "compare-docker-vm-phone-dark");
    }
    expect(errors).toEqual([]);
    await close();
  });
});

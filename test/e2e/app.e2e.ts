/**
 * The web app as a learner uses it, in real Chromium against the real server
 * on PGlite: search with a typo, open a concept, take every kind of quiz to
 * its results with the keyboard alone, study flashcards and watch the due
 * dates move, compare two concepts, survive the API being down — each page
 * checked with axe and photographed.
 */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seedFacts } from "../support/seed-graph.ts";
import { expectAccessible } from "./support/accessibility.ts";
import { useAppInBrowser } from "./support/app-in-browser.ts";
import { screenshot } from "./support/browser.ts";
import { API_REQUESTS } from "./support/sent-operation.ts";

const facts = seedFacts();
const session = useAppInBrowser("app");
const open = session.open;

/** A GraphQL query sent from inside the page, as the learner (with the page's token, if it has one). */
async function queryAsPage<T>(page: Page, query: string): Promise<T> {
  const body = await page.evaluate(async (q) => {
    const token = localStorage.getItem("graphdeck.token");
    const response = await fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: q }),
    });
    return (await response.json()) as { data: unknown };
  }, query);
  return body.data as T;
}

type Round = { terms: { text: string; matchId: string }[]; targets: { id: string; text: string }[] };
const roundOf = (page: Page, kind: string, seed: number) =>
  queryAsPage<{ matching: Round }>(page, `{ matching(kind: ${kind}, seed: ${seed}) { terms { text matchId } targets { id text } } }`).then((d) => d.matching);


describe("the web app", () => {
  it("loads its first page within 50 KiB of gzipped JavaScript", async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    const scripts: Buffer[] = [];
    page.on("response", async (response) => {
      if (response.request().resourceType() === "script") scripts.push(await response.body());
    });
    await page.goto(`${session.app.url}/`);
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
    await screenshot(page, "app-explore-typo");
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
    await page.goto(`${session.app.url}/concepts/virtualbox`);
    expect(await page.locator('link[type="application/json+oembed"]').count()).toBe(1);
    await page.getByRole("heading", { level: 1, name: "VirtualBox" }).waitFor();
    await close();
  });

  for (const kind of ["DEFINITION", "CLASSIFICATION", "COMPARISON", "PROS_CONS", "TRUE_FALSE", "MIXED"]) {
    it(`takes a ${kind} quiz to the results with the keyboard`, async () => {
      const { page, errors, close } = await open(`/quiz/play?kind=${kind}&count=3&seed=5`);
      // A kind may offer fewer questions than asked (a quiz never repeats a fact): play what it has.
      const { quiz } = await queryAsPage<{ quiz: { questions: { id: string }[] } }>(page, `{ quiz(kind: ${kind}, count: 3, seed: 5) { questions { id } } }`);
      const count = quiz.questions.length;
      // Pros and cons: the sources' container/VM trade-offs fall into few themes, each asked once a quiz.
      expect(count).toBeGreaterThanOrEqual(kind === "PROS_CONS" ? 1 : 2);
      for (let i = 0; i < count; i++) {
        await page.getByRole("heading", { level: 1 }).waitFor();
        await page.keyboard.press("1");
        const feedback = page.getByRole("status").filter({ hasText: /Right\.|Not quite\./ });
        await feedback.waitFor();
        if (i === 0) await expectAccessible(page, `${kind} question`);
        if (i === 0 && kind === "MIXED") await screenshot(page, "app-quiz-feedback");
        await page.keyboard.press("Enter");
      }
      const results = page.getByRole("heading", { level: 1, name: new RegExp(`You scored \\d of ${count}`) });
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
    const progress = { data: await queryAsPage<{ progress: { cards: { learning: number; review: number } }; exportProgress: string }>(page, "{ progress { cards { learning review } } exportProgress }") };
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
    // Podman's category, as the seeds say it, appears as a link.
    const category = facts.seeds.relations.find((r) => r.from === "podman" && r.type === "instance-of")?.to;
    await page.getByRole("link", { name: facts.seeds.concepts.find((c) => c.slug === category)?.name ?? "?", exact: true }).first().waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  it("plays the category matching game with the keyboard to its results", async () => {
    const { page, errors, close } = await open("/match?kind=CATEGORY&seed=3");
    await page.getByRole("heading", { name: "Categories" }).waitFor();
    // The round's answer key, as the API gives it (the server tests check it against the seeds).
    const round = await roundOf(page, "CATEGORY", 3);
    const terms = page.getByRole("region", { name: "Terms" });
    const targets = page.getByRole("region", { name: "Categories" });
    const targetText = (id: string) => round.targets.find((t) => t.id === id)?.text ?? "";
    const status = page.getByRole("status").filter({ hasText: /Right|Not quite/ });
    for (const [i, term] of round.terms.entries()) {
      const button = terms.getByRole("button", { name: term.text, exact: true });
      if (i === 0) {
        // One wrong placement first: it is refused, counted and explained.
        const wrong = round.targets.find((t) => t.id !== term.matchId) as { text: string };
        await button.focus();
        await page.keyboard.press("Enter");
        expect(await button.getAttribute("aria-pressed")).toBe("true");
        await targets.getByRole("button", { name: wrong.text, exact: true }).focus();
        await page.keyboard.press("Enter");
        await status.filter({ hasText: `Not quite: ${term.text} does not go under ${wrong.text}` }).waitFor();
        if (i === 0) await expectAccessible(page, "matching board");
      }
      await button.focus();
      await page.keyboard.press("Enter");
      await targets.getByRole("button", { name: targetText(term.matchId), exact: true }).focus();
      await page.keyboard.press("Enter");
      await status.filter({ hasText: `Right: ${term.text} — ${targetText(term.matchId)}` }).waitFor();
      // Once placed, the button reads "<term> → <category>" (so "Docker" must not also match "Docker Hub").
      const placed = `${term.text} → ${targetText(term.matchId)}`;
      expect(await terms.getByRole("button", { name: placed, exact: true }).isDisabled()).toBe(true);
    }
    const results = page.getByRole("heading", { name: `All matched: ${round.terms.length - 1} of ${round.terms.length} on the first try` });
    await results.waitFor();
    expect(await results.evaluate((el) => el === document.activeElement)).toBe(true);
    const review = page.getByRole("listitem").filter({ hasText: round.terms[0]?.text ?? "" }).filter({ has: page.getByRole("link") });
    expect(await review.innerText()).toMatch(/instance of|falls under|kind of|example of/);
    expect(await page.getByRole("link", { name: /\/match\?kind=CATEGORY&seed=3/ }).count()).toBe(1);
    await screenshot(page, "app-match-results");
    await expectAccessible(page, "matching results");
    await page.getByRole("button", { name: "Play another round" }).click();
    await page.getByText(/^0 of \d+ matched$/).waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get("seed")).not.toBe("3");
    expect(errors).toEqual([]);
    await close();
  });

  it("pairs summaries on a phone, starting from either side", async () => {
    const { page, errors, close } = await open("/match?kind=SUMMARY&seed=4", { width: 360, dark: true });
    const round = await roundOf(page, "SUMMARY", 4);
    const summaries = page.getByRole("region", { name: "Summaries" });
    await summaries.waitFor();
    for (const [i, term] of round.terms.entries()) {
      const summary = summaries.getByRole("button", { name: round.targets.find((t) => t.id === term.matchId)?.text ?? "", exact: true });
      const name = page.getByRole("region", { name: "Terms" }).getByRole("button", { name: term.text, exact: true });
      // Half the pairs summary first, half term first.
      if (i % 2) {
        await summary.click();
        await name.click();
      } else {
        await name.click();
        await summary.click();
      }
      await page.getByRole("status").filter({ hasText: `Right: ${term.text}` }).waitFor();
    }
    // A used summary is spent: it shows its term and cannot be chosen again.
    expect(await summaries.getByRole("button").evaluateAll((buttons) => buttons.every((b) => (b as HTMLButtonElement).disabled))).toBe(true);
    await page.getByRole("heading", { name: `All matched: ${round.terms.length} of ${round.terms.length} on the first try` }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, "app-match-summaries-phone-dark");
    await expectAccessible(page, "summary matching, dark phone");
    expect(errors).toEqual([]);
    await close();
  });

  it("draws a concept's neighbourhood: zoom, a text list, and a click to travel", async () => {
    const { page, errors, close } = await open("/concepts/docker");
    const picture = page.getByRole("group", { name: "Picture of Docker and the concepts around it" });
    await picture.locator(".node").first().waitFor();
    const nodes = await picture.locator(".node").count();
    expect(nodes).toBeGreaterThanOrEqual(10);
    // The text list names the same connections.
    const list = page.locator(".graph-list li");
    expect(await list.count()).toBeGreaterThanOrEqual(nodes - 1);
    // Docker's category, as the seeds relate them, is among the connections listed.
    const category = facts.seeds.relations.find((r) => r.from === "docker" && r.type === "instance-of");
    const label = facts.seeds.vocabulary.relation_types.find((t) => t.slug === category?.type)?.label;
    const categoryName = facts.seeds.concepts.find((c) => c.slug === category?.to)?.name;
    expect(await list.allInnerTexts()).toContain(`Docker ${label} ${categoryName}`);
    // Nodes do not sit on top of each other.
    const centres = await picture.locator(".node circle").evaluateAll((circles) => circles.map((c) => [Number(c.getAttribute("cx")), Number(c.getAttribute("cy"))]));
    for (const [i, [x1, y1]] of centres.entries()) {
      for (const [x2, y2] of centres.slice(i + 1)) expect(Math.hypot((x1 ?? 0) - (x2 ?? 0), (y1 ?? 0) - (y2 ?? 0))).toBeGreaterThan(20);
    }
    const layer = picture.locator("> g");
    await page.getByRole("button", { name: "Zoom in" }).click();
    await expect.poll(() => layer.getAttribute("transform")).toMatch(/scale\(1\.3\)/);
    await page.getByRole("button", { name: "Reset view" }).click();
    await expect.poll(() => layer.getAttribute("transform")).toMatch(/scale\(1\)/);
    // Dragging pans the picture.
    const box = (await picture.boundingBox()) as { x: number; y: number; width: number; height: number };
    await page.mouse.move(box.x + 10, box.y + 10);
    await page.mouse.down();
    await page.mouse.move(box.x + 90, box.y + 50, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => layer.getAttribute("transform")).toMatch(/translate\((?!0,0)/);
    // The keyboard pans and zooms the focused picture too.
    await page.getByRole("button", { name: "Reset view" }).click();
    await picture.focus();
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => layer.getAttribute("transform")).toBe("translate(40,0) scale(1)");
    await page.keyboard.press("+");
    await expect.poll(() => layer.getAttribute("transform")).toMatch(/scale\(1\.3\)/);
    await screenshot(page, "app-concept-neighbourhood");
    await expectAccessible(page, "concept page with its neighbourhood");
    // Two steps away shows more.
    await page.getByLabel("Reach").selectOption("2");
    await expect.poll(() => picture.locator(".node").count()).toBeGreaterThan(nodes);
    // Keyboard: a node is a link; Enter goes to that concept (Docker's category, named from the seeds).
    await picture.getByRole("link", { name: categoryName, exact: true }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: categoryName }).waitFor();
    const next = page.getByRole("group", { name: new RegExp(`Picture of ${categoryName}`) });
    await next.locator(".node.center").waitFor();
    // A click on a node, too: back to Docker.
    // On the node's circle: the middle of the link's box (circle and label) can be empty space.
    await next.getByRole("link", { name: "Docker", exact: true }).locator("circle").click();
    await page.getByRole("heading", { level: 1, name: "Docker" }).waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  it("shows progress after studying, and moves it to another browser by export and import", async () => {
    const { page, errors, close } = await open("/flashcards");
    await page.getByLabel("Deck").selectOption("topic:hypervisor");
    await expect.poll(() => new URL(page.url()).searchParams.get("deck")).toBe("topic:hypervisor");
    for (const rating of ["3", "1"]) {
      await page.locator(".flashcard .front").waitFor();
      await page.locator("body").press("Space");
      await page.getByRole("group", { name: /how well/i }).waitFor();
      await page.keyboard.press(rating);
      await page.getByRole("status").filter({ hasText: rating === "3" ? /^Good:/ : /^Again:/ }).waitFor();
    }
    await page.getByRole("link", { name: "Progress" }).click();
    const reviews = page.locator(".stats div").filter({ hasText: "Reviews, 30 days" }).locator("dd");
    await reviews.waitFor();
    expect(await reviews.innerText()).toBe("2");
    expect(await page.getByRole("img", { name: /^2 reviews in the last 30 days/ }).count()).toBe(1);
    expect(await page.locator(".chart rect.bar").evaluateAll((bars) => bars.filter((b) => Number(b.getAttribute("height")) > 0).length)).toBe(1);
    expect(await page.locator(".legend").innerText()).toMatch(/Learning 2/);
    // The numbers behind the chart: today's two reviews were learning steps, not recalls.
    await page.getByText("Show the numbers").click();
    expect(await page.locator(".day-table tbody tr").first().innerText()).toMatch(/\t2\t0 of 0\t—$/);
    // The two cards were about hypervisors or their categories: some kind row shows them learning.
    const learning = await page.locator(".by-kind tbody tr").evaluateAll((rows) => rows.map((r) => Number(r.children[2]?.textContent)));
    expect(learning.reduce((a, b) => a + b, 0)).toBe(2);
    await screenshot(page, "app-progress");
    await expectAccessible(page, "progress");
    // Progress for one deck: the two reviews were of hypervisor-topic cards, none of vendor cards.
    await page.getByLabel("Deck").selectOption("kind:vendor");
    await expect.poll(() => reviews.innerText()).toBe("0");
    await page.getByLabel("Deck").selectOption("topic:hypervisor");
    await expect.poll(() => reviews.innerText()).toBe("2");
    expect(new URL(page.url()).searchParams.get("deck")).toBe("topic:hypervisor");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download my progress" }).click()]);
    // Read now: the download is deleted with its browser context.
    const file = readFileSync(await download.path());
    const exported = JSON.parse(file.toString("utf8")) as { cards: unknown[]; reviews: unknown[] };
    expect(exported.cards).toHaveLength(2);
    expect(exported.reviews).toHaveLength(2);
    expect(download.suggestedFilename()).toMatch(/^graphdeck-progress-\d{4}-\d{2}-\d{2}\.json$/);
    expect(errors).toEqual([]);
    await close();

    // Another browser: a new learner, nothing studied, until the file is imported.
    const other = await open("/progress");
    const otherReviews = other.page.locator(".stats div").filter({ hasText: "Reviews, 30 days" }).locator("dd");
    await otherReviews.waitFor();
    expect(await otherReviews.innerText()).toBe("0");
    // A file that is not an export is refused, and changes nothing.
    await other.page.getByLabel("Import a progress file").setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from('{"hello": "world"}') });
    await other.page.getByRole("button", { name: "Import", exact: true }).click();
    const alert = other.page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/^Nothing was imported\. That is not a Graphdeck progress export/);
    expect(await otherReviews.innerText()).toBe("0");
    await other.page.getByLabel("Import a progress file").setInputFiles({ name: download.suggestedFilename(), mimeType: "application/json", buffer: file });
    await other.page.getByRole("button", { name: "Import", exact: true }).click();
    await other.page.getByRole("status").filter({ hasText: "Imported: 2 cards, 2 reviews" }).waitFor();
    await expect.poll(() => otherReviews.innerText()).toBe("2");
    expect(await other.page.getByRole("alert").count()).toBe(0);
    expect(other.errors).toEqual([]);
    await other.close();
  });

  it("keeps the neighbourhood picture's library out of the first page", async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${session.app.url}/`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(scripts.some((s) => s.includes("neighborhood-graph"))).toBe(false);
    await page.getByRole("link", { name: "Explore" }).click();
    await page.getByLabel("Search concepts").fill("xen");
    await page.getByRole("link", { name: "Xen", exact: true }).click();
    await page.locator(".graph .node").first().waitFor();
    expect(scripts.filter((s) => s.includes("neighborhood-graph"))).toHaveLength(1);
    await context.close();
  });

  const PAGES = ["/", "/explore?q=docker", "/concepts/docker", "/quiz", "/quiz/play?kind=MIXED&count=3&seed=1", "/flashcards", "/compare", "/match", "/progress"];

  it("holds its layout on a 360 px phone in the dark scheme, every page accessible", async () => {
    const { page, errors, close } = await open("/", { width: 360, dark: true });
    for (const path of PAGES) {
      await page.goto(`${session.app.url}${path}`);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await page.waitForLoadState("networkidle");
      expect(await page.getByRole("alert").count(), path).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
      // Nor does a table hide columns behind a sideways scroll.
      const hidden = await page.locator(".table-scroll").evaluateAll((boxes) => boxes.filter((b) => b.scrollWidth > b.clientWidth).length);
      expect(hidden, path).toBe(0);
      await expectAccessible(page, `${path} (dark, 360 px)`);
    }
    await screenshot(page, "app-progress-phone-dark");
    expect(errors).toEqual([]);
    await close();
  });

  it("shows an error with a working retry on every page when the API is down", async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    for (const path of PAGES.filter((p) => p !== "/explore?q=docker")) {
      await page.route(API_REQUESTS, (route) => route.abort());
      await page.goto(`${session.app.url}${path}`);
      const alert = page.getByRole("alert").first();
      await alert.waitFor({ timeout: 10_000 }).catch(() => {
        throw new Error(`no alert on ${path} with the API down`);
      });
      expect(await alert.innerText(), path).toMatch(/cannot be reached/);
      await page.unroute(API_REQUESTS);
      await alert.getByRole("button", { name: "Try again" }).click();
      await expect.poll(() => page.getByRole("alert").count(), { message: path }).toBe(0);
    }
    await context.close();
  });

  it("says so, with a retry, when the API is down", async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.route(API_REQUESTS, (route) => route.abort());
    await page.goto(`${session.app.url}/explore?q=docker`);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/cannot be reached/);
    await page.unroute(API_REQUESTS);
    await alert.getByRole("button", { name: "Try again" }).click();
    await page.getByRole("link", { name: "Docker" }).first().waitFor();
    await context.close();
  });
});

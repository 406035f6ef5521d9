/**
 * Flashcards as an Anki user studies them, in real Chromium against the real
 * server: a card rated Again comes back in the same session after a "next card
 * in m:ss" wait; siblings never follow each other; no front shows its answer
 * or its concept's name; type-in mode grades a typo as right and shows the
 * difference; the session summary and the daily goal. Photographed on a
 * 360 px phone and a desktop, checked with axe.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "./support/accessibility.ts";
import { useAppInBrowser } from "./support/app-in-browser.ts";
import { screenshot } from "./support/browser.ts";

const session = useAppInBrowser("flashcards");
const open = session.open;

/** A GraphQL query sent from inside the page, with the page's learner token. */
async function queryAsPage<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = await page.evaluate(
    async ([q, v]) => {
      const token = localStorage.getItem("graphdeck.token");
      const response = await fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: q, variables: v }),
      });
      return (await response.json()) as { data: unknown; errors?: unknown };
    },
    [query, variables] as const,
  );
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

type Shown = { id: string; type: string; back: string; concept: { slug: string; name: string } };
/** The card the page shows now: the server's next card for this learner and deck (the page asks the same). */
async function shownCard(page: Page, deck: string, typeIn = false): Promise<Shown> {
  const data = await queryAsPage<{ studyNext: { card: Shown | null } }>(
    page,
    `query ($deck: String, $typeIn: Boolean) { studyNext(deck: $deck, typeIn: $typeIn) { card { id type back concept { slug name } } } }`,
    { deck, typeIn },
  );
  if (!data.studyNext.card) throw new Error("no card due");
  return data.studyNext.card;
}

/** The smallest topic deck (a topic has a few concepts): a session through it is short. */
async function smallDeck(page: Page): Promise<string> {
  const { decks } = await queryAsPage<{ decks: { id: string; kind: string; cardCount: number }[] }>(page, "{ decks { id kind cardCount } }");
  const small = decks.filter((d) => d.kind === "TOPIC").sort((a, b) => a.cardCount - b.cardCount)[0];
  if (!small) throw new Error("no deck");
  return small.id;
}

/** The front as a learner sees it before answering: the card's text must not give the answer away. */
async function expectFrontHidesAnswer(page: Page, card: Shown): Promise<void> {
  const front = await page.locator(".flashcard").innerText();
  if (card.type !== "TERM") expect(front.toLowerCase(), `${card.id} shows its answer`).not.toContain(card.back.toLowerCase());
  if (card.type === "DEFINITION") expect(front.toLowerCase(), `${card.id} names its concept`).not.toContain(card.concept.name.toLowerCase());
  // Nothing above the card names the concept either (the old header did).
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Flashcards");
}

describe("flashcards", () => {
  it("brings a card rated Again back in the same session, after a wait that counts down", async () => {
    const { page, errors, close } = await open("/flashcards", { width: 360 });
    await page.locator(".flashcard .front").waitFor();
    const deck = await smallDeck(page);
    await page.getByLabel("Deck").selectOption(deck);
    await expect.poll(() => new URL(page.url()).searchParams.get("deck")).toBe(deck);
    await page.locator(".flashcard .front").waitFor();
    const first = await shownCard(page, deck);
    const firstFront = await page.locator(".flashcard .front").innerText();
    await expectFrontHidesAnswer(page, first);
    await screenshot(page, "flashcards-phone-front");
    await page.keyboard.press("Space");
    await page.getByRole("group", { name: /how well/i }).waitFor();
    await screenshot(page, "flashcards-phone-back");
    await page.keyboard.press("1");
    await page.getByRole("status").filter({ hasText: /^Again: back in 1m/ }).waitFor();
    // Every other card on offer is rated Good (back in 10 minutes); none is a sibling of the one before.
    const concepts = [first.concept.slug];
    let cameBack = false;
    for (let i = 0; i < 30; i++) {
      const waiting = page.getByRole("heading", { name: /^Next card in \d+:\d\d$/ });
      const front = page.locator(".flashcard .front");
      await Promise.race([waiting.waitFor(), front.waitFor()]);
      if (await waiting.isVisible()) break;
      const card = await shownCard(page, deck);
      if (card.id === first.id) {
        cameBack = true;
        break;
      }
      expect(card.concept.slug, "two cards of one concept in a row").not.toBe(concepts.at(-1));
      concepts.push(card.concept.slug);
      await expectFrontHidesAnswer(page, card);
      await page.keyboard.press("Space");
      await page.getByRole("group", { name: /how well/i }).waitFor();
      await page.keyboard.press("3");
      // The same status as the last rating's: wait for the count instead.
      await page.locator(".progress-text").filter({ hasText: new RegExp(`^${concepts.length} studied`) }).waitFor();
    }
    if (!cameBack) {
      // Nothing due now, but the Again card is back within a minute: a countdown, not "Nothing more due".
      const heading = page.getByRole("heading", { name: /^Next card in \d+:\d\d$/ });
      await heading.waitFor();
      expect(await page.getByText(/Nothing more due/).count()).toBe(0);
      const before = await heading.innerText();
      await screenshot(page, "flashcards-phone-waiting");
      await expectAccessible(page, "waiting");
      await page.waitForTimeout(1500);
      expect(await heading.innerText()).not.toBe(before);
      // When its minute is up, it comes back by itself.
      await page.locator(".flashcard .front").filter({ hasText: firstFront }).waitFor({ timeout: 75_000 });
      expect((await shownCard(page, deck)).id).toBe(first.id);
    }
    expect(concepts.length).toBeGreaterThan(1);
    // Rated Good now, it goes to its next step (10 minutes): the session waits again, and can end there.
    await page.keyboard.press("Space");
    await page.keyboard.press("3");
    await page.getByRole("heading", { name: /^Next card in/ }).waitFor();
    await page.getByRole("button", { name: "End the session" }).click();
    const summary = page.getByRole("region", { name: "Session summary" });
    await summary.waitFor();
    const text = await summary.innerText();
    expect(text).toMatch(new RegExp(`Cards studied\\s+${concepts.length + 1}`));
    expect(text).toMatch(/Again\s+1/);
    expect(text).toMatch(/Next due\s+in \d+ min/);
    await page.getByRole("region", { name: "Daily goal" }).waitFor();
    expect(await page.getByRole("region", { name: "Daily goal" }).innerText()).toMatch(new RegExp(`${concepts.length + 1} of 20\\s+reviews today`));
    await screenshot(page, "flashcards-phone-summary");
    await expectAccessible(page, "summary");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
    await close();
  }, 180_000);

  it("grades a typed answer on the server, forgiving a typo and showing the difference", async () => {
    const { page, errors, close } = await open("/flashcards?deck=all&mode=type", { dark: true });
    const input = page.getByLabel("Your answer");
    await input.waitFor();
    const card = await shownCard(page, "all", true);
    await expectFrontHidesAnswer(page, card);
    // Focused already: type the answer with a letter from its middle missing, in lower case (not its last:
    // "Linux namespace" is the singular the graph also knows, so that would be no slip at all).
    let cut = Math.floor(card.back.length / 2);
    while (cut < card.back.length - 1 && !/\p{L}/u.test(card.back[cut] ?? "")) cut++;
    const slip = card.back.length > 4 ? (card.back.slice(0, cut) + card.back.slice(cut + 1)).toLowerCase() : card.back.toLowerCase();
    await page.keyboard.type(slip);
    await screenshot(page, "flashcards-desktop-type-in");
    await page.keyboard.press("Enter");
    const result = page.locator(".typed-result");
    await result.waitFor();
    expect(await result.innerText()).toMatch(/^Right/);
    if (card.back.length > 4) {
      expect((await page.locator(".typed-result ins").innerText()).toLowerCase()).toBe((card.back[cut] ?? "").toLowerCase());
    }
    expect(await page.locator(".flashcard .back").innerText()).toBe(card.back);
    expect(await page.locator(".flashcard .about").innerText()).toContain(card.concept.name);
    await screenshot(page, "flashcards-desktop-type-in-graded");
    await expectAccessible(page, "type-in graded");
    // Enter takes the suggested rating (Hard for a slip, Good when exact).
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: /^(Hard|Good): back in/ }).waitFor();
    // A wrong answer: "Not quite", the right one shown; Enter suggests Again.
    const next = await shownCard(page, "all", true);
    expect(next.concept.slug).not.toBe(card.concept.slug);
    await input.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("typed-answer");
    await page.keyboard.type("qqqq zzzz");
    await page.keyboard.press("Enter");
    await result.waitFor();
    expect(await result.innerText()).toMatch(/^Not quite\./);
    expect(await result.innerText()).toContain(next.back);
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: /^Again: back in/ }).waitFor();
    // Undo brings that card back, as it was (the button: the next card's answer box has the focus, so U would be typed).
    await page.getByRole("button", { name: /Undo last rating/ }).click();
    await page.getByRole("status").filter({ hasText: "Last rating undone." }).waitFor();
    await input.waitFor();
    expect(await page.locator(".flashcard .front").innerText()).not.toBe("");
    expect(errors).toEqual([]);
    await close();
  });

  it("shows the daily goal and streak on home and progress, and lets the goal change", async () => {
    const { page, errors, close } = await open("/flashcards");
    await page.locator(".flashcard .front").waitFor();
    await expectFrontHidesAnswer(page, await shownCard(page, "all"));
    await screenshot(page, "flashcards-desktop-front");
    await page.keyboard.press("Space");
    await page.getByRole("group", { name: /how well/i }).waitFor();
    await screenshot(page, "flashcards-desktop-back");
    await page.keyboard.press("3");
    await page.getByRole("status").filter({ hasText: /^Good: back in/ }).waitFor();
    // A reload keeps the session's count.
    await page.reload();
    await page.locator(".progress-text").filter({ hasText: /^1 studied/ }).waitFor();
    await page.getByRole("link", { name: "Progress" }).click();
    const goal = page.getByRole("region", { name: "Daily goal" });
    await goal.waitFor();
    expect(await goal.innerText()).toMatch(/1 of 20\s+reviews today/);
    expect(await goal.innerText()).toMatch(/No streak yet/);
    await page.getByRole("button", { name: "Change the daily goal" }).click();
    await page.getByLabel("Reviews a day").fill("1");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => goal.innerText()).toMatch(/1 of 1\s+reviews today — goal met/);
    expect(await goal.innerText()).toMatch(/1 day in a row/);
    await screenshot(page, "flashcards-progress-goal");
    await expectAccessible(page, "progress with goal");
    await page.getByRole("link", { name: "Graphdeck" }).first().click();
    await page.getByRole("region", { name: "Daily goal" }).waitFor();
    expect(await page.getByRole("region", { name: "Daily goal" }).innerText()).toMatch(/1 day in a row/);
    expect(errors).toEqual([]);
    await close();
  });
});

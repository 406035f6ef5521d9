/**
 * A quiz as a flow, in real Chromium against the real server on PGlite:
 * answers survive a reload and the quiz resumes at the next question; the
 * results show each answer beside the right one, and "Retry the ones I
 * missed" replays only those; feedback teaches (explanations and cited
 * passages); "Focus on my weak spots" opens a quiz or says, for people, why
 * it cannot yet; every quiz page fits a 360 px phone and passes axe.
 */
import type { Page, Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SOURCES_DIR } from "../support/seed-paths.ts";
import { expectAccessible } from "./support/accessibility.ts";
import { useAppInBrowser } from "./support/app-in-browser.ts";
import { screenshot } from "./support/browser.ts";
import { API_REQUESTS, sentOperation } from "./support/sent-operation.ts";

const session = useAppInBrowser("quiz-flow");
const open = session.open;

/** GraphQL from inside the page without the learner's token, so nothing is recorded. */
async function anonymous<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = await page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
      return (await response.json()) as { data?: unknown; errors?: unknown };
    },
    { query, variables },
  );
  if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

type Question = { id: string; prompt: string; choices: { id: string; text: string }[] };
type Quiz = { id: string; seed: number; kind: string; count: number; topic: string | null; questions: (Question & { concept: { slug: string; name: string } })[] };

/** The quiz these settings give, with the right choice of each question (learnt by grading choice 1 anonymously). */
async function quizWithAnswers(page: Page, spec: { kind: string; count: number; seed: number }) {
  const { quiz } = await anonymous<{ quiz: Quiz }>(
    page,
    `query ($kind: QuizKind!, $count: Int, $seed: Int) { quiz(kind: $kind, count: $count, seed: $seed) { id seed kind count topic questions { id prompt choices { id text } concept { slug name } } } }`,
    spec,
  );
  const right: number[] = [];
  for (const question of quiz.questions) {
    const { answer } = await anonymous<{ answer: { correctChoiceId: string } }>(
      page,
      `mutation ($q: ID!, $qq: ID!, $c: ID!) { answer(quizId: $q, questionId: $qq, choiceId: $c) { correctChoiceId } }`,
      { q: quiz.id, qq: question.id, c: question.choices[0]?.id },
    );
    right.push(question.choices.findIndex((c) => c.id === answer.correctChoiceId));
  }
  return { quiz, right };
}

async function expectFits(page: Page, width: number, name: string): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(width);
}

const feedbackOf = (page: Page) => page.getByRole("status").filter({ hasText: /Right\.|Not quite\./ });

/** Answers the question on screen with the choice at `index` (0-based) by its key, and waits for the feedback. */
async function answerWith(page: Page, index: number): Promise<void> {
  await page.locator("#question-prompt").waitFor();
  await page.keyboard.press(String(index + 1));
  await feedbackOf(page).waitFor();
}

/** A wrong choice's index, given the right one's. */
const wrongOf = (right: number) => (right === 0 ? 1 : 0);

describe("a quiz as a flow", () => {
  it("resumes after a reload with the answers kept, shows each answer beside the right one, and retries the missed ones", async () => {
    const { page, errors, close } = await open("/");
    const spec = { kind: "MIXED", count: 4, seed: 21 };
    const { quiz, right } = await quizWithAnswers(page, spec);
    expect(quiz.questions).toHaveLength(4);
    // Right, wrong, then (after the reload) right, wrong.
    const picks = [right[0] ?? 0, wrongOf(right[1] ?? 0), right[2] ?? 0, wrongOf(right[3] ?? 0)];
    const chosenText = (i: number) => quiz.questions[i]?.choices[picks[i] ?? 0]?.text ?? "";
    const rightText = (i: number) => quiz.questions[i]?.choices[right[i] ?? 0]?.text ?? "";

    await page.goto(`${session.app.url}/quiz/play?kind=${spec.kind}&count=${spec.count}&seed=${spec.seed}`);
    for (const i of [0, 1]) {
      await page.getByRole("heading", { level: 1, name: quiz.questions[i]?.prompt }).waitFor();
      await answerWith(page, picks[i] ?? 0);
      expect(await feedbackOf(page).innerText()).toMatch(i === 0 ? /^Right\./ : /^Not quite\./);
      if (i === 0) await page.keyboard.press("Enter");
    }
    // The second answer's feedback is on screen; a reload resumes at question 3.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: quiz.questions[2]?.prompt }).waitFor();
    expect(await page.locator(".progress-text").innerText()).toBe("Question 3 of 4");
    for (const i of [2, 3]) {
      await answerWith(page, picks[i] ?? 0);
      await page.keyboard.press("Enter");
    }

    const results = page.getByRole("heading", { level: 1, name: "You scored 2 of 4" });
    await results.waitFor();
    const items = page.locator(".answer-review > li");
    expect(await items.count()).toBe(4);
    for (let i = 0; i < 4; i++) {
      const item = items.nth(i);
      expect(await item.locator(".review-prompt").innerText()).toBe(quiz.questions[i]?.prompt);
      expect(await item.locator(".yours dd").innerText()).toBe(`${chosenText(i)} ${i % 2 === 0 ? "✓ right" : "✗ wrong"}`);
      if (i % 2 === 1) expect(await item.locator(".correct dd").innerText()).toBe(rightText(i));
      else expect(await item.locator(".correct").count()).toBe(0);
    }
    expect(await page.getByRole("link", { name: /seed=21/ }).count()).toBe(1);
    await screenshot(page, "quiz-flow-results");
    await expectAccessible(page, "results");

    // A finished quiz shows its results again after a reload.
    await page.reload();
    await results.waitFor();
    expect(await items.count()).toBe(4);

    // Retry the ones I missed: questions 2 and 4 only, graded with the same quiz id.
    await page.getByRole("button", { name: "Retry the ones I missed (2)" }).click();
    for (const i of [1, 3]) {
      await page.getByRole("heading", { level: 1, name: quiz.questions[i]?.prompt }).waitFor();
      expect(await page.locator(".progress-text").innerText()).toBe(`Retry: Question ${i === 1 ? 1 : 2} of 2`);
      await answerWith(page, right[i] ?? 0);
      expect(await feedbackOf(page).innerText()).toMatch(/^Right\./);
      // Enter on the focused "Next" button goes on, as Enter anywhere else does.
      await page.keyboard.press("Enter");
    }
    await page.getByRole("heading", { level: 1, name: "You scored 2 of 2" }).waitFor();
    expect(await items.count()).toBe(2);
    expect(await page.getByRole("button", { name: /Retry the ones I missed/ }).count()).toBe(0);
    // The whole quiz again starts at question 1.
    await page.getByRole("button", { name: "Take the whole quiz again" }).click();
    await page.getByRole("heading", { level: 1, name: quiz.questions[0]?.prompt }).waitFor();
    expect(await page.locator(".progress-text").innerText()).toBe("Question 1 of 4");
    expect(errors).toEqual([]);
    await close();
  });

  it("explains an answer: the right one as a sentence, why the chosen one is wrong, and the cited passages", async () => {
    for (const view of [{ width: 1100, dark: false, name: "desktop" }, { width: 360, dark: true, name: "phone-dark" }]) {
      const { page, errors, close } = await open("/", { width: view.width, dark: view.dark });
      const { quiz, right } = await quizWithAnswers(page, { kind: "DEFINITION", count: 3, seed: 8 });
      const shown = recordAnswers(page);
      await page.goto(`${session.app.url}/quiz/play?kind=DEFINITION&count=3&seed=8`);
      await answerWith(page, wrongOf(right[0] ?? 0));
      await expect.poll(() => shown.length).toBe(1);
      const result = shown[0];
      if (!result) return;
      expect(result.chosenExplanation, "why the wrong choice is wrong").toBeTruthy();
      if (SOURCES_DIR) expect(result.citations.some((c) => c.passage), "a cited passage").toBe(true);
      const feedback = await feedbackOf(page).innerText();
      expect(feedback).toContain(`Not quite. The answer is ${quiz.questions[0]?.choices[right[0] ?? 0]?.text}.`);
      expect(feedback).toContain(result.explanation);
      expect(feedback).toContain(`Why not “${quiz.questions[0]?.choices[wrongOf(right[0] ?? 0)]?.text}”? ${result.chosenExplanation}`);
      for (const citation of [...result.citations, ...result.chosenCitations]) {
        const passage = page.locator(".question .citations li").filter({ hasText: citation.locator }).first();
        expect(await passage.innerText()).toContain(citation.source.title);
        if (citation.passage) expect(await passage.locator("blockquote").textContent()).toBe(citation.passage);
      }
      // The first passage of each group is open; the rest are a click away. The chosen choice's group holds
      // only what the answer's did not cite already (its summary's passages often are among the answer's).
      const answerCited = new Set(result.citations.map((c) => `${c.source.title}|${c.locator}`));
      const chosenOnly = result.chosenCitations.filter((c) => c.passage && !answerCited.has(`${c.source.title}|${c.locator}`));
      expect(await page.locator(".question .citations details[open]").count()).toBe(Math.min(1, result.citations.filter((c) => c.passage).length) + Math.min(1, chosenOnly.length));
      await expectFits(page, view.width, `feedback (${view.name})`);
      await expectAccessible(page, `feedback (${view.name})`);
      await screenshot(page, `quiz-flow-feedback-${view.name}`);
      // Enter on a passage's toggle folds it; it does not skip to the next question.
      const toggle = page.locator(".question .citations summary").first();
      if ((await toggle.count()) > 0) {
        await toggle.focus();
        await page.keyboard.press("Enter");
        expect(await page.locator(".progress-text").innerText()).toBe(`Question 1 of ${quiz.questions.length}`);
      }
      // Finish, and see the results at this width too.
      await page.getByRole("button", { name: /Next question|See results/ }).click();
      for (let i = 1; i < quiz.questions.length; i++) {
        await answerWith(page, wrongOf(right[i] ?? 0));
        await page.getByRole("button", { name: /Next question|See results/ }).click();
      }
      await page.getByRole("heading", { level: 1, name: `You scored 0 of ${quiz.questions.length}` }).waitFor();
      if (result.chosenExplanation) expect(await page.locator(".answer-review > li").first().innerText()).toContain(result.chosenExplanation);
      await expectFits(page, view.width, `results (${view.name})`);
      await expectAccessible(page, `results (${view.name})`);
      await screenshot(page, `quiz-flow-results-${view.name}`);
      expect(errors).toEqual([]);
      await close();
    }
  });

  it("opens a weak-spots quiz from home and the quiz page, and says so kindly when there is no history yet", async () => {
    const { page, errors, close } = await open("/quiz", { width: 360, dark: true });
    const asked: unknown[] = [];
    page.on("request", (request) => {
      // Reads go by hash over GET, mutations by POST: the operation is looked up either way.
      const sent = sentOperation(request);
      if (sent?.document.includes("weakSpotsQuiz")) asked.push(sent.variables);
    });
    // A new learner has no history: the API says so, the page says it for people, with the way out.
    await page.getByLabel("Questions").selectOption("5");
    await page.getByRole("button", { name: "Focus on my weak spots" }).click();
    const notice = page.getByRole("status").filter({ hasText: "No weak spots yet" });
    await notice.waitFor();
    expect(asked).toEqual([{ kind: "MIXED", count: 5 }]);
    expect(await notice.innerText()).toMatch(/^No weak spots yet: they come from the flashcards you review and the quiz questions you miss\. Take a quiz or study a few flashcards first, then come back here\.$/);
    expect(await notice.getByRole("link", { name: "Take a quiz" }).count()).toBe(1);
    await expectFits(page, 360, "quiz setup with the notice");
    await expectAccessible(page, "quiz setup with the notice");
    await screenshot(page, "quiz-flow-weak-spots-none-phone-dark");

    // Any other failure reads as a sentence too, never the API's wording.
    await page.route(API_REQUESTS, async (route) => {
      if (!sentOperation(route.request())?.document.includes("weakSpotsQuiz")) return route.fallback();
      return fulfil(route, { errors: [{ message: "Unexpected error.", extensions: { code: "INTERNAL_SERVER_ERROR" } }], data: null });
    });
    await page.goto(`${session.app.url}/`);
    await page.getByRole("button", { name: "Focus on my weak spots" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toBe("Your weak-spots quiz could not be made just now. Try again in a moment.");
    await page.unroute(API_REQUESTS);

    // Miss every question of a quiz: now there are weak spots, and the button opens a quiz on them.
    const { right } = await quizWithAnswers(page, { kind: "MIXED", count: 3, seed: 33 });
    await page.goto(`${session.app.url}/quiz/play?kind=MIXED&count=3&seed=33`);
    for (const r of right) {
      await answerWith(page, wrongOf(r));
      await page.keyboard.press("Enter");
    }
    await page.getByRole("heading", { level: 1, name: "You scored 0 of 3" }).waitFor();
    await page.goto(`${session.app.url}/`);
    await page.getByRole("button", { name: "Focus on my weak spots" }).click();
    await page.locator("#question-prompt").waitFor();
    const id = new URL(page.url()).searchParams.get("id") ?? "";
    expect(id).not.toBe("");
    const progress = await page.locator(".progress-text").innerText();
    const total = Number(/^Your weak spots: Question 1 of (\d+)$/.exec(progress)?.[1]);
    expect(total, progress).toBeGreaterThan(0);
    await answerWith(page, 0);
    await expectFits(page, 360, "weak-spots question");
    await expectAccessible(page, "weak-spots question");
    // Kept in this browser by its id: a reload resumes it.
    await page.reload();
    if (total > 1) expect(await page.locator(".progress-text").innerText()).toBe(`Your weak spots: Question 2 of ${total}`);
    else await page.getByRole("heading", { level: 1, name: "You scored" }).waitFor();

    // Another browser does not have it, and says what to do instead.
    const other = await open(`/quiz/play?id=${encodeURIComponent(id)}`, { width: 360, dark: true });
    await other.page.getByRole("heading", { level: 1, name: "This quiz is not in this browser" }).waitFor();
    expect(await other.page.getByRole("button", { name: "Focus on my weak spots" }).count()).toBe(1);
    await expectFits(other.page, 360, "quiz not kept");
    await expectAccessible(other.page, "quiz not kept");
    await other.close();
    expect(errors).toEqual([]);
    await close();
  });

  it("says for people when no quiz can be made from the settings, with the way out", async () => {
    const { page, errors, close } = await open("/quiz/play?kind=MIXED&count=3&seed=1&topic=no-such-topic", { width: 360, dark: true });
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/^Could not load the quiz: No quiz can be made with these settings/);
    expect(await alert.innerText()).not.toContain("no-such-topic");
    await page.getByRole("link", { name: "Choose another quiz" }).click();
    await page.getByRole("heading", { level: 1, name: "Quiz" }).waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  it("says when a quiz has fewer questions than asked for, and why", async () => {
    // Pros and cons of this graph's pairs run out after a few questions: nothing is asked twice.
    const { page, errors, close } = await open("/quiz/play?kind=PROS_CONS&count=10&seed=5");
    await page.getByRole("heading", { level: 1 }).waitFor();
    const progress = await page.locator(".progress-text").innerText();
    const total = Number(/of (\d+)/.exec(progress)?.[1]);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(10);
    expect(await page.getByText(/not 10: that is all this quiz can ask without repeating a fact/).count()).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });

  it("fits a 360 px phone on every quiz page", async () => {
    const { page, errors, close } = await open("/", { width: 360, dark: true });
    for (const path of ["/", "/quiz", "/quiz/play?kind=COMPARISON&count=3&seed=4", "/quiz/play?kind=TRUE_FALSE&count=3&seed=4"]) {
      await page.goto(`${session.app.url}${path}`);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await page.waitForLoadState("networkidle");
      await expectFits(page, 360, path);
      if (path.startsWith("/quiz/play")) {
        for (let i = 0; i < 3; i++) {
          await answerWith(page, 1);
          await expectFits(page, 360, `${path} question ${i + 1}`);
          await page.keyboard.press("Enter");
        }
        await page.getByRole("heading", { level: 1, name: /You scored \d of 3/ }).waitFor();
        await expectFits(page, 360, `${path} results`);
      }
    }
    expect(errors).toEqual([]);
    await close();
  });
});

function fulfil(route: Route, body: unknown) {
  return route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(body) });
}

type Citation = { locator: string; passage: string | null; source: { title: string } };
type Explained = { correct: boolean; explanation: string; chosenExplanation: string | null; citations: Citation[]; chosenCitations: Citation[] };

/** Records the answers the page is sent. */
function recordAnswers(page: Page): Explained[] {
  const seen: Explained[] = [];
  page.on("response", async (response) => {
    const request = response.request();
    if (!request.url().endsWith("/graphql") || !/answer\(quizId/.test(String((request.postDataJSON() as { query?: string } | null)?.query))) return;
    const body = (await response.json()) as { data?: { answer?: Explained } };
    if (body.data?.answer) seen.push(body.data.answer);
  });
  return seen;
}

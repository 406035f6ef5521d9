/**
 * Every operation the web app and embed.js send (web/app/api/operations, typed by `npm run codegen`)
 * answers without errors from the real server, within its limits (depth, cost, tokens), as a learner
 * would use them: the public reads, then a learner's session (flashcards, quiz, progress, export and
 * import). The documents are the app's own, so a field the server drops or a limit the app outgrows
 * fails here rather than in a browser.
 */
import { describe, expect, it } from "vitest";
import {
  AnswerDocument,
  CheckTypedAnswerDocument,
  CompareDocument,
  CompareOptionsDocument,
  ConceptListDocument,
  ConceptPageDocument,
  DecksDocument,
  ExportProgressDocument,
  FlashcardDocument,
  GraphdeckAnswerDocument,
  GraphdeckCardsDocument,
  GraphdeckClosestDocument,
  HomeProgressDocument,
  ImportProgressDocument,
  KindsDocument,
  MatchingRoundDocument,
  NeighborhoodDocument,
  ProgressDocument,
  QuizDocument,
  ReviewDocument,
  SearchHitsDocument,
  StartLearnerDocument,
  StudyNextDocument,
  StudyStreakDocument,
  UndoReviewDocument,
  WeakSpotsQuizDocument,
  type TypedDocumentString,
} from "../../web/app/api/generated/graphql.ts";
import type { RequestOptions } from "../support/graphql-client.ts";
import { useSeededServer } from "../support/seeded-server.ts";

const api = useSeededServer();

async function run<T, V>(document: TypedDocumentString<T, V>, variables: V, options?: RequestOptions): Promise<T> {
  const { status, body } = await api.server.graphql(document, variables, options);
  expect(body.errors, document.toString().slice(0, 60)).toBeUndefined();
  expect(status).toBe(200);
  return body.data as T;
}

describe("the app's operations", () => {
  it("public reads: concept page, neighbourhood, explore, search, compare, decks, matching, embed cards", async () => {
    const { concept } = await run(ConceptPageDocument, { slug: "docker" });
    expect(concept?.name).toBe("Docker");
    expect(concept?.relations.length).toBeGreaterThan(0);
    const { neighborhood } = await run(NeighborhoodDocument, { slug: "docker", depth: 2 });
    expect(neighborhood?.nodes.length).toBeGreaterThan(1);
    const { concepts } = await run(ConceptListDocument, { kind: null, after: null });
    expect(concepts.edges.length).toBeGreaterThan(0);
    const { searchHits } = await run(SearchHitsDocument, { q: "virtualbx", kind: null });
    expect(searchHits[0]?.concept.slug).toBe("virtualbox");
    expect((await run(KindsDocument, {})).kinds.length).toBeGreaterThan(0);
    const { compare } = await run(CompareDocument, { a: "container", b: "virtual-machine" });
    expect(compare?.aspects.length).toBeGreaterThan(0);
    expect((await run(CompareOptionsDocument, { after: null })).concepts.edges.length).toBeGreaterThan(0);
    expect((await run(DecksDocument, {})).decks.some((d) => d.kind === "TOPIC")).toBe(true);
    expect((await run(MatchingRoundDocument, { kind: "CATEGORY", seed: 7 })).matching.terms.length).toBeGreaterThan(0);
    const { conceptsBySlug } = await run(GraphdeckCardsDocument, { slugs: ["docker", "cgroups"], quiz: true });
    const card = conceptsBySlug[0];
    expect(card?.slug).toBe("docker");
    expect((await run(GraphdeckClosestDocument, { q: "dokcer" })).search[0]?.slug).toBe("docker");
    const question = card?.testYourself?.questions[0];
    if (card?.testYourself && question?.choices[0]) {
      const { answer } = await run(GraphdeckAnswerDocument, { q: card.testYourself.id, qq: question.id, c: question.choices[0].id });
      expect(typeof answer.correct).toBe("boolean");
    }
  });

  it("a learner's session: flashcards, undo, typed answers, a quiz and its weak spots, progress, export and import", async () => {
    const { startLearner } = await run(StartLearnerDocument, {});
    const auth = { token: startLearner.token };
    const tz = "Europe/Paris";
    const { studyNext } = await run(StudyNextDocument, { deck: "all", tz, ahead: false, typeIn: false }, auth);
    const shown = studyNext.card;
    expect(shown).not.toBeNull();
    if (!shown) return;
    await run(ReviewDocument, { card: shown.id, rating: "AGAIN", id: crypto.randomUUID() }, auth);
    const { undoReview } = await run(UndoReviewDocument, {}, auth);
    expect(undoReview?.cardId).toBe(shown.id);
    expect((await run(FlashcardDocument, { id: shown.id }, auth)).flashcard?.id).toBe(shown.id);
    await run(ReviewDocument, { card: shown.id, rating: "AGAIN", id: crypto.randomUUID() }, auth);
    const typeIn = (await run(StudyNextDocument, { deck: "all", tz, ahead: false, typeIn: true }, auth)).studyNext.card;
    expect(typeIn?.typeIn).toBe(true);
    if (typeIn) expect((await run(CheckTypedAnswerDocument, { id: typeIn.id, answer: "not it" }, auth)).checkTypedAnswer.correct).toBe(false);

    const { quiz } = await run(QuizDocument, { kind: "MIXED", count: 5, seed: 7 }, auth);
    for (const question of quiz.questions) {
      const choice = question.choices[0];
      if (choice) await run(AnswerDocument, { quizId: quiz.id, questionId: question.id, choiceId: choice.id }, auth);
    }
    const weak = await api.server.graphql(WeakSpotsQuizDocument, { kind: "MIXED", count: 5 }, auth);
    // With one forgotten card and a quiz answered at random there are weak spots, unless every answer was right.
    expect(weak.body.errors?.[0]?.extensions?.code ?? "none").toMatch(/^(none|BAD_USER_INPUT)$/);

    expect((await run(HomeProgressDocument, { tz }, auth)).progress.dueToday).toBeGreaterThanOrEqual(0);
    expect((await run(ProgressDocument, { tz, deck: "all" }, auth)).progress.quizzes.answered).toBe(quiz.questions.length);
    expect((await run(StudyStreakDocument, { goal: 20, tz }, auth)).studyStreak.reviewsToday).toBe(1);
    const { exportProgress } = await run(ExportProgressDocument, {}, auth);
    const { importProgress } = await run(ImportProgressDocument, { data: exportProgress }, auth);
    expect(importProgress.cards).toBeGreaterThanOrEqual(0);
  });
});

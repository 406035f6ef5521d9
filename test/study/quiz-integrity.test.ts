/**
 * Every quiz kind, over many seeds: each question has exactly one right
 * choice — decided here from the seed files, not from the generator's own
 * answer — distinct choices of the same sort, no repeats, and a seed that
 * reproduces the quiz exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../server/seed/ensure-seeded.ts";
import { loadGraphSnapshot, type GraphSnapshot } from "../../server/study/graph-snapshot.ts";
import { generateQuiz } from "../../server/study/quiz/generate-quiz.ts";
import type { Fact, QuizKind, QuizQuestion } from "../../server/study/quiz/quiz-question.ts";
import { seedFacts } from "../support/seed-graph.ts";
import { SEEDS_DIR, SOURCES_DIR } from "../support/seed-paths.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

const facts = seedFacts();
let database: TestDatabase;
let graph: GraphSnapshot;

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db, { seedsDir: SEEDS_DIR, sourcesDir: SOURCES_DIR });
  graph = await loadGraphSnapshot(database.db, "test");
});
afterAll(() => database.drop());

function holds(slug: string, fact: Fact): boolean {
  return "category" in fact ? facts.categoriesAbove(slug).has(fact.category) : facts.hasValue(slug, fact.aspect, fact.value);
}

/** Which choices are right, judged from the seeds alone. */
function rightChoices(q: QuizQuestion): string[] {
  const ask = q.ask;
  const right = q.choices.filter((choice) => {
    switch (ask.type) {
      case "definition":
        return facts.summaryOf(choice.ref) === facts.summaryOf(ask.concept);
      case "category":
        return facts.categoriesAbove(ask.subject).has(choice.ref);
      case "kind":
        return facts.kindOf(ask.subject) === choice.ref;
      case "comparison": {
        const onA = holds(ask.a, ask.fact);
        const onB = holds(ask.b, ask.fact);
        return choice.ref === (onA && onB ? "both" : onA ? "a" : onB ? "b" : "neither");
      }
      case "polarity":
        return facts.polarityOf(ask.claim) === choice.ref;
      case "true-false":
        return (choice.ref === "true") === holds(ask.subject, ask.fact);
    }
  });
  return right.map((c) => c.id);
}

const classifying = new Set(facts.seeds.vocabulary.relation_types.filter((t) => t.classifies).map((t) => t.slug));
const categories = new Set(facts.seeds.relations.filter((r) => classifying.has(r.type)).map((r) => r.to));

const KINDS: QuizKind[] = ["DEFINITION", "CLASSIFICATION", "COMPARISON", "PROS_CONS", "TRUE_FALSE", "MIXED"];
const SEEDS = Array.from({ length: 30 }, (_, i) => i * 7919 + 1);

describe.each(KINDS)("%s quizzes", (kind) => {
  it("have exactly one right choice per question, judged from the seeds", () => {
    let questions = 0;
    for (const s of SEEDS) {
      for (const question of generateQuiz(graph, { kind, count: 50, seed: s, topic: null }).questions) {
        const right = rightChoices(question);
        expect(right, `${question.prompt} — ${question.choices.map((c) => c.text).join(" | ")}`).toEqual([question.correctChoiceId]);
        questions++;
      }
    }
    expect(questions).toBeGreaterThanOrEqual(SEEDS.length * 10);
  });

  it("offer distinct choices of one sort: 3 or 4 (2 for true/false)", () => {
    for (const s of SEEDS) {
      for (const q of generateQuiz(graph, { kind, count: 50, seed: s, topic: null }).questions) {
        const texts = q.choices.map((c) => c.text.toLowerCase());
        expect(new Set(texts).size, q.prompt).toBe(texts.length);
        expect(new Set(q.choices.map((c) => c.id)).size).toBe(q.choices.length);
        if (q.kind === "TRUE_FALSE") expect(q.choices.map((c) => c.ref)).toEqual(["true", "false"]);
        else expect(q.choices.length, q.prompt).toBeGreaterThanOrEqual(3);
        expect(q.choices.length).toBeLessThanOrEqual(4);
        // One sort: all concepts, all categories or all kinds.
        if (q.ask.type === "definition") for (const c of q.choices) expect(facts.kindOf(c.ref), c.ref).toBeDefined();
        if (q.ask.type === "category") for (const c of q.choices) expect(categories.has(c.ref), c.ref).toBe(true);
        if (q.ask.type === "kind") for (const c of q.choices) expect(facts.seeds.vocabulary.kinds.map((k) => k.slug)).toContain(c.ref);
        expect(q.difficulty).toBeGreaterThanOrEqual(0);
        expect(q.difficulty).toBeLessThanOrEqual(1);
        expect(q.explanation.length).toBeGreaterThan(10);
      }
    }
  });

  it("never repeat a question within a quiz, and reproduce exactly from the seed", () => {
    for (const s of SEEDS.slice(0, 10)) {
      const quiz = generateQuiz(graph, { kind, count: 50, seed: s, topic: null });
      expect(new Set(quiz.questions.map((q) => q.id)).size).toBe(quiz.questions.length);
      expect(generateQuiz(graph, { kind, count: 50, seed: s, topic: null })).toEqual(quiz);
    }
    const a = generateQuiz(graph, { kind, count: 10, seed: 1, topic: null }).questions.map((q) => q.id);
    const b = generateQuiz(graph, { kind, count: 10, seed: 2, topic: null }).questions.map((q) => q.id);
    expect(a).not.toEqual(b);
  });
});

describe("quiz content", () => {
  it("classification never offers a category the concept belongs to, even indirectly, as wrong", () => {
    for (const s of SEEDS) {
      for (const q of generateQuiz(graph, { kind: "CLASSIFICATION", count: 50, seed: s, topic: null }).questions) {
        if (q.ask.type !== "category") continue;
        const above = facts.categoriesAbove(q.subject);
        const wrong = q.choices.filter((c) => c.id !== q.correctChoiceId);
        for (const c of wrong) expect(above.has(c.ref), `${q.prompt} ${c.text}`).toBe(false);
      }
    }
  });

  it("asks the type 1 or type 2 question of hypervisors, with the sibling type as a distractor", () => {
    const found = SEEDS.flatMap((s) => generateQuiz(graph, { kind: "CLASSIFICATION", count: 50, seed: s, topic: "hypervisor" }).questions).find(
      (q) => q.ask.type === "category" && q.subject === "xen",
    );
    expect(found?.choices.map((c) => c.ref)).toEqual(expect.arrayContaining(["type-1-hypervisor", "type-2-hypervisor"]));
  });

  it("keeps a topic's quiz inside the topic", () => {
    const members = new Set(["hypervisor", "type-1-hypervisor", "type-2-hypervisor", "vmware-esxi", "hyper-v", "xen", "virtualbox", "vmware-workstation", "qemu"]);
    for (const q of generateQuiz(graph, { kind: "MIXED", count: 50, seed: 5, topic: "hypervisor" }).questions) {
      expect(members.has(q.subject) || (q.ask.type === "comparison" && (members.has(q.ask.a) || members.has(q.ask.b))), q.prompt).toBe(true);
    }
  });

  it("prefers the closest false siblings, so most definition questions are hard", () => {
    const questions = SEEDS.flatMap((s) => generateQuiz(graph, { kind: "DEFINITION", count: 20, seed: s, topic: null }).questions);
    const mean = questions.reduce((sum, q) => sum + q.difficulty, 0) / questions.length;
    expect(mean).toBeGreaterThan(0.5);
  });
});

/**
 * A true/false statement of a value is asked only with a believable false version: another value of its
 * aspect, held by a concept of the subject's own sort (true-false-questions.ts). A whole graph offers one
 * from anywhere in it; a region of a large graph reads a few such concepts from value_holders
 * (graph-region.ts), since one relation away there is rarely one. The seeds' concepts that state values
 * are all one relation from their counterparts, so this test adds one that is not.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../server/seed/ensure-seeded.ts";
import { loadSeeds } from "../../server/seed/load-seeds.ts";
import { graphWideFacts, loadRegion, type RegionScope } from "../../server/study/graph-region.ts";
import { generateQuiz } from "../../server/study/quiz/generate-quiz.ts";
import type { QuizQuestion } from "../../server/study/quiz/quiz-question.ts";
import { copyOfSeeds, SOURCES_DIR } from "../support/seed-paths.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

const SUBJECT = "sandbox-test";
const TWIN = "enclave-test";
/** The seeds' technologies stating the other kernels, as the explanations name them. */
const OTHERS = [
  { slug: "container", name: /container/i, value: "the host's kernel" },
  { slug: "virtual-machine", name: /virtual machine/i, value: "a kernel of its own, not the host's" },
];
let database: TestDatabase;
let seedsDir = "";

beforeAll(async () => {
  seedsDir = copyOfSeeds();
  // Two technologies that use no kernel at all, filed under virtualization and related to nothing else:
  // the container and the virtual machine, which state the two other kernels, are no neighbours of them.
  // The twin comes last, so its nearest kind-mate with a kernel is the sandbox, which states the same.
  const entry = (slug: string, name: string) => `- slug: ${slug}
  name: ${name}
  kind: technology
  summary: A made-up isolated environment that exists only in tests.
  description: Exists only in tests, where it shows a quiz finding a false version of its value far from it.
  cite: ["000: What is a VM? ¶3"]
  relations:
    - { type: is-a, to: virtualization, cite: "000: What is a VM? ¶3" }
  claims:
    - id: kernel
      aspect: kernel
      value: no kernel at all
      polarity: neutral
      statement: It runs inside another program and uses no kernel at all.
      cite: ["000: What is a VM? ¶3"]
    - id: isolation
      aspect: isolation
      value: more strongly
      polarity: pro
      statement: It keeps workloads apart more strongly than most.
      cite: ["000: What is a VM? ¶3"]
`;
  writeFileSync(join(seedsDir, "concepts/zz-sandbox-test.yaml"), entry(SUBJECT, "Test sandbox") + entry(TWIN, "Test enclave"));
  database = await createTestDatabase();
  await seed(database.db, { seedsDir, sourcesDir: SOURCES_DIR });
}, 120_000);
afterAll(async () => database?.drop());

const region = async (scope: RegionScope) => loadRegion(database, "v", scope, await graphWideFacts(database.db));

describe("a quiz region of a large graph", () => {
  it("holds the concepts of its subject's kind that state other values of its aspects, though no relation leads to them", async () => {
    const seeds = loadSeeds({ seedsDir, sourcesDir: SOURCES_DIR });
    const related = (a: string, b: string) => seeds.relations.some((r) => (r.from === a && r.to === b) || (r.from === b && r.to === a));
    for (const subject of [SUBJECT, TWIN]) {
      const graph = await region({ type: "concepts", slugs: [subject] });
      const held = OTHERS.filter((other) => graph.concept.has(other.slug));
      // The twin's nearest kind-mate states the same value and is passed over for one that states another.
      expect(held.length, subject).toBeGreaterThan(0);
      for (const other of held) {
        expect(related(subject, other.slug)).toBe(false);
        expect(graph.claimsOf.get(other.slug)?.some((c) => c.aspect === "kernel" && c.value === other.value)).toBe(true);
      }
    }
    // A card reads no false versions: its region skips them.
    const cards = await region({ type: "cards", slugs: [SUBJECT] });
    expect(OTHERS.some((other) => cards.concept.has(other.slug))).toBe(false);
  });

  it("lets a weak spot's quiz say a false value of it, and tell whose value that is", async () => {
    for (const subject of [SUBJECT, TWIN]) {
      const graph = await region({ type: "concepts", slugs: [subject] });
      const asked: QuizQuestion[] = [];
      for (let seed = 1; seed <= 8; seed++) {
        const quiz = generateQuiz(graph, { kind: "TRUE_FALSE", count: 10, seed, topic: null, focus: [subject] });
        asked.push(...quiz.questions.filter((q) => q.ask.type === "true-false" && "aspect" in q.ask.fact && q.ask.fact.aspect === "kernel"));
      }
      const answer = (q: QuizQuestion) => q.choices.find((c) => c.id === q.correctChoiceId)?.text;
      const falseOnes = asked.filter((q) => answer(q) === "False");
      const trueOnes = asked.filter((q) => answer(q) === "True");
      expect(falseOnes.length, subject).toBeGreaterThan(0);
      expect(trueOnes.length, subject).toBeGreaterThan(0);
      for (const q of falseOnes) {
        // The false value is another technology's kernel, which "no kernel at all" rules out; the explanation says whose.
        const other = OTHERS.find((o) => q.prompt.includes(o.value));
        expect(other, q.prompt).toBeDefined();
        expect(q.explanation).toMatch(other?.name ?? "");
      }
      for (const q of trueOnes) expect(q.prompt).toMatch(/no kernel at all/);
    }
  });

  it("compares a value only with what the graph contrasts its subject with", async () => {
    // "Isolates workloads more strongly" is comparative: said against the holder of the other value. The
    // container holds "less strongly", but the graph never compares it with the sandbox.
    const graph = await region({ type: "concepts", slugs: [SUBJECT] });
    expect(graph.claimsOf.get("container")?.some((c) => c.aspect === "isolation")).toBe(true);
    const prompts: string[] = [];
    for (let seed = 1; seed <= 12; seed++) {
      const quiz = generateQuiz(graph, { kind: "TRUE_FALSE", count: 10, seed, topic: null, focus: [SUBJECT] });
      prompts.push(...quiz.questions.map((q) => q.prompt));
    }
    expect(prompts.length).toBeGreaterThan(0);
    for (const prompt of prompts) expect(prompt).not.toMatch(/compared with/i);
  });
});

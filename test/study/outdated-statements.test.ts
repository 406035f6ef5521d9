/**
 * A statement the seeds mark outdated is shown with its note, and never
 * becomes a quiz answer, a wrong choice, or a flashcard. The test marks a
 * classification and a valued claim outdated in a copy of the real seeds, so
 * it checks the engine, whatever the seeds mark today.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { seed } from "../../server/seed/ensure-seeded.ts";
import type { VocabularyFile } from "../../server/seed/seed-format.ts";
import { allCards } from "../../server/study/flashcards/card-index.ts";
import { loadGraphSnapshot, type GraphSnapshot } from "../../server/study/graph-snapshot.ts";
import { generateQuiz } from "../../server/study/quiz/generate-quiz.ts";
import type { QuizKind } from "../../server/study/quiz/quiz-question.ts";
import { startTestServer } from "../support/graphql-client.ts";
import { copyOfSeedsWith, SEEDS_DIR, SOURCES_DIR } from "../support/seed-paths.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

const NOTE = "Not so any more: this note says what holds today.";
let database: TestDatabase;
let graph: GraphSnapshot;
let relation: { from: string; to: string; type: string };
let claim: { concept: string; id: string; aspect: string; value: string };

beforeAll(async () => {
  const vocabulary = parse(readFileSync(join(SEEDS_DIR, "vocabulary.yaml"), "utf8")) as VocabularyFile;
  const classifying = new Set(vocabulary.relation_types.filter((t) => t.classifies).map((t) => t.slug));
  // The first classification and the first valued claim in the seeds become outdated.
  const dir = copyOfSeedsWith((concept) => {
    for (const r of concept.relations ?? []) {
      if (!relation && classifying.has(r.type) && !r.outdated) {
        r.outdated = NOTE;
        relation = { from: concept.slug, to: r.to, type: r.type };
      }
    }
    for (const c of concept.claims ?? []) {
      if (!claim && c.aspect && c.value && !c.outdated) {
        c.outdated = NOTE;
        claim = { concept: concept.slug, id: c.id, aspect: c.aspect, value: c.value };
      }
    }
  });
  database = await createTestDatabase();
  await seed(database.db, { seedsDir: dir, sourcesDir: SOURCES_DIR });
  graph = await loadGraphSnapshot(database.db, "outdated");
});
afterAll(() => database?.drop());

describe("outdated statements", () => {
  it("are kept apart from what the study material is made of", () => {
    expect(graph.outdatedRelations.map((r) => `${r.from} ${r.type} ${r.to}`)).toContain(`${relation.from} ${relation.type} ${relation.to}`);
    expect(graph.outdatedClaims.map((c) => c.key)).toContain(`${claim.concept}/${claim.id}`);
    expect(graph.relations.some((r) => r.from === relation.from && r.to === relation.to && r.type === relation.type)).toBe(false);
  });

  it("are never a quiz answer nor a wrong choice", () => {
    const kinds: QuizKind[] = ["DEFINITION", "CLASSIFICATION", "COMPARISON", "PROS_CONS", "TRUE_FALSE"];
    for (const kind of kinds) {
      for (let s = 1; s <= 40; s++) {
        for (const q of generateQuiz(graph, { kind, count: 50, seed: s, topic: null }).questions) {
          const ask = q.ask;
          if (ask.type === "category" && ask.subject === relation.from) expect(q.choices.map((c) => c.ref), q.prompt).not.toContain(relation.to);
          if (ask.type === "true-false" && ask.subject === relation.from && "category" in ask.fact) expect(ask.fact.category, q.prompt).not.toBe(relation.to);
          if (ask.type === "true-false" && "aspect" in ask.fact && ask.subject === claim.concept) expect(ask.fact.value, q.prompt).not.toBe(claim.value);
          if (ask.type === "comparison" && "aspect" in ask.fact) expect(ask.fact.value.toLowerCase() === claim.value.toLowerCase() && (ask.a === claim.concept || ask.b === claim.concept) ? `asked about ${claim.value}` : "ok").toBe("ok");
          if (ask.type === "advantage" && ask.subject === claim.concept) expect(q.choices.map((c) => c.ref)).not.toContain(`${claim.aspect}=${claim.value}`);
          expect(q.explanation).not.toContain(NOTE);
        }
      }
    }
  });

  it("never make a flashcard", () => {
    for (const card of allCards(graph)) {
      expect(card.id).not.toBe(`polarity:${claim.concept}/${claim.id}`);
      expect(`${card.front} ${card.back} ${card.explanation}`).not.toContain(NOTE);
    }
  });

  it("are served with their note by the API, beside the current ones", async () => {
    const server = await startTestServer(database);
    try {
      const { body } = await server.graphql<{ concept: { relations: { type: string; target: { slug: string }; outdated: string | null }[]; claims: { id: string; outdated: string | null }[] } }>(
        `query ($slug: String!) { concept(slug: $slug) { relations { type target { slug } outdated } claims { id outdated } } }`,
        { slug: relation.from },
      );
      expect(body.errors).toBeUndefined();
      const marked = body.data?.concept.relations.find((r) => r.type === relation.type && r.target.slug === relation.to);
      expect(marked?.outdated).toBe(NOTE);
      const other = await server.graphql<{ concept: { claims: { id: string; outdated: string | null }[] } }>(`query ($slug: String!) { concept(slug: $slug) { claims { id outdated } } }`, { slug: claim.concept });
      const claims = other.body.data?.concept.claims ?? [];
      expect(claims.find((c) => c.id === `${claim.concept}/${claim.id}`)?.outdated).toBe(NOTE);
      expect(claims.filter((c) => c.id !== `${claim.concept}/${claim.id}`).every((c) => c.outdated === null)).toBe(true);
    } finally {
      await server.close();
    }
  });
});

/**
 * A graph too large to hold in memory is studied in regions (server/study/study-graphs.ts). Here the
 * seeds' graph is served as if it were one (STUDY_WHOLE_GRAPH_LIMIT=0), over HTTP as the app uses it:
 * quizzes are graded from the region they were made from, decks are windows whose cards each open by
 * id the same, and bad names still get clear errors. The quiz-quality check (quiz-integrity.test.ts)
 * judges quizzes made from regions against the seeds too.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seed } from "../../server/seed/ensure-seeded.ts";
import { refreshStudyRows } from "../../server/seed/study-rows.ts";
import { allCards } from "../../server/study/flashcards/card-index.ts";
import { createStudyGraphs } from "../../server/study/study-graphs.ts";
import { seedFacts } from "../support/seed-graph.ts";
import { copyOfSeeds, SEEDS_DIR, SOURCES_DIR } from "../support/seed-paths.ts";
import { createTestDatabase } from "../support/test-database.ts";
import { useSeededServer } from "../support/seeded-server.ts";

const api = useSeededServer({ studyWholeGraphLimit: 0 });
const facts = seedFacts();

type Question = { id: string; choices: { id: string }[]; concept: { slug: string } };
type Quiz = { id: string; questions: Question[] };
const QUIZ = `query ($kind: QuizKind!, $count: Int, $seed: Int, $topic: String) { quiz(kind: $kind, count: $count, seed: $seed, topic: $topic) {
  id questions { id choices { id } concept { slug } } } }`;
const ANSWER = `mutation ($quiz: ID!, $question: ID!, $choice: ID!) { answer(quizId: $quiz, questionId: $question, choiceId: $choice) { correct correctChoiceId } }`;
type Card = { id: string; front: string; back: string; concept: { slug: string } };
const CARD_FIELDS = "id front back concept { slug }";

async function query<T>(text: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const { body } = await api.server.graphql<T>(text, variables, token ? { token } : {});
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data as T;
}

async function errorOf(text: string, variables: Record<string, unknown>): Promise<string> {
  const { body } = await api.server.graphql(text, variables);
  return body.errors?.[0]?.message ?? "";
}

describe("a graph studied in regions", () => {
  it("grades every question of a quiz from the region it was made from: exactly one right choice each", async () => {
    for (const seed of [1, 7920, 31677]) {
      const { quiz } = await query<{ quiz: Quiz }>(QUIZ, { kind: "MIXED", count: 10, seed });
      expect(quiz.questions.length).toBeGreaterThan(0);
      for (const question of quiz.questions) {
        const verdicts = [];
        for (const choice of question.choices) {
          const { answer } = await query<{ answer: { correct: boolean; correctChoiceId: string } }>(ANSWER, { quiz: quiz.id, question: question.id, choice: choice.id });
          verdicts.push(answer.correct);
        }
        expect(verdicts.filter(Boolean)).toHaveLength(1);
      }
    }
  });

  it("deals a round of categories for every new seed, and a quiz of every kind", async () => {
    // A seed's quiz asks about the concepts nearest its start and one stating each theme; a round of
    // categories needs more of the nearest (terms under categories the graph proves apart).
    const ROUND = `query ($seed: Int) { matching(kind: CATEGORY, size: 8, seed: $seed) { terms { id } } }`;
    const failed: string[] = [];
    for (let seed = 4242; seed < 4302; seed++) {
      const { body } = await api.server.graphql<{ matching: { terms: unknown[] } }>(ROUND, { seed });
      if (body.errors) failed.push(`${seed}: ${body.errors[0]?.message}`);
      else expect(body.data?.matching.terms.length).toBeGreaterThanOrEqual(3);
    }
    expect(failed).toEqual([]);
    for (const kind of ["DEFINITION", "CLASSIFICATION", "COMPARISON", "PROS_CONS", "TRUE_FALSE", "MIXED"]) {
      for (let seed = 4242; seed < 4262; seed++) {
        const { quiz } = await query<{ quiz: Quiz }>(QUIZ, { kind, count: 10, seed });
        expect(quiz.questions.length, `${kind} ${seed}`).toBeGreaterThan(0);
      }
    }
  });

  it("keeps a topic's quiz and matching round inside the topic, and names an unknown topic", async () => {
    const under = (slug: string) => slug === "hypervisor" || facts.categoriesAbove(slug).has("hypervisor");
    const { quiz } = await query<{ quiz: Quiz }>(QUIZ, { kind: "MIXED", count: 10, seed: 5, topic: "hypervisor" });
    expect(quiz.questions.length).toBeGreaterThan(0);
    for (const question of quiz.questions) expect(under(question.concept.slug), question.concept.slug).toBe(true);
    expect(await errorOf(QUIZ, { kind: "MIXED", topic: "no-such-thing" })).toBe('No concept "no-such-thing" to take a topic from.');
    const round = await query<{ matching: { terms: { concept: { slug: string } }[] } }>(`query { matching(kind: SUMMARY, size: 4, seed: 3, topic: "hypervisor") { terms { concept { slug } } } }`);
    for (const term of round.matching.terms) expect(under(term.concept.slug), term.concept.slug).toBe(true);
  });

  it("offers decks as windows that say so, whose every card opens the same by its id and can be reviewed", async () => {
    const { decks } = await query<{ decks: { id: string; kind: string; description: string; cardCount: number }[] }>(`{ decks { id kind description cardCount } }`);
    expect(decks[0]).toMatchObject({ id: "all", kind: "ALL" });
    expect(decks[0]?.description).toMatch(/^Cards about the first \d+ of 84 concepts, in alphabetical order\.$/);
    expect(decks.filter((d) => d.kind === "KIND").length).toBeGreaterThan(5);
    // Each card reads the same in its deck's window and opened by id from its own concept's region:
    // what a region takes in (concepts sharing a summary, name-word counts, graph-wide kinds) makes it so.
    const deckOf = async (deck: string) => (await query<{ flashcards: Card[] }>(`query ($deck: String) { flashcards(deck: $deck, first: 500) { ${CARD_FIELDS} } }`, { deck })).flashcards;
    for (const deck of decks) {
      const cards = await deckOf(deck.id);
      expect(cards, deck.id).toHaveLength(deck.cardCount);
      if (deck.kind === "KIND") for (const card of cards) expect(`kind:${facts.kindOf(card.concept.slug)}`).toBe(deck.id);
      for (const card of cards) {
        const { flashcard } = await query<{ flashcard: Card | null }>(`query ($id: ID!) { flashcard(id: $id) { ${CARD_FIELDS} } }`, { id: card.id });
        expect(flashcard, `${deck.id}: ${card.id}`).toEqual(card);
      }
    }
    const flashcards = await deckOf("kind:hypervisor");
    const { startLearner } = await query<{ startLearner: { token: string } }>(`mutation { startLearner { token } }`);
    const card = flashcards[0] as Card;
    const reviewed = await query<{ review: { cardId: string; reps: number } }>(
      `mutation ($card: ID!) { review(cardId: $card, rating: GOOD, reviewId: "r1") { cardId reps } }`,
      { card: card.id },
      startLearner.token,
    );
    expect(reviewed.review).toEqual({ cardId: card.id, reps: 1 });
    const next = await query<{ studyNext: { card: { id: string } | null } }>(`{ studyNext(deck: "kind:hypervisor") { card { id } } }`, {}, startLearner.token);
    expect(next.studyNext.card?.id).toBeDefined();
    expect(next.studyNext.card?.id).not.toBe(card.id);
  });

  it("opens each card by id the same from a region of its subject alone, which follows the hierarchy one level", async () => {
    // No region is kept about the card's subject here (a budget of none keeps only the newest), so every
    // card comes from a "cards" region of its own, as a card opened from a link on a large graph does.
    const fixed = { current: () => "regions-test", onChange: () => () => {}, stop: async () => {} };
    const windows = createStudyGraphs(api.database, fixed, { wholeGraphLimit: 0 });
    const alone = createStudyGraphs(api.database, fixed, { wholeGraphLimit: 0, regionConcepts: 0 });
    let compared = 0;
    for (const deck of await windows.decks()) {
      const graph = await windows.forDeck(deck.id);
      const dealt = new Map(allCards(graph).map((card) => [card.id, card]));
      // Both ways: each card the window deals, and whether each subject has a definition and a kind card
      // at all (a rule weighing a neighbour against the subject's categories can rule one out, and must in both regions alike).
      const ids = new Set([...dealt.keys(), ...[...(graph.focus ?? [])].flatMap((slug) => [`definition:${slug}`, `kind:${slug}`])]);
      for (const id of ids) {
        expect((await alone.cardsById([id])).get(id), id).toEqual(dealt.get(id));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("opens cards asked for at the same moment as it opens each alone, reading their subjects' regions together", async () => {
    // Card links opened at once (many learners on a large graph) wait for a region read and share the
    // next; what each opens must not depend on which others shared its region.
    const fixed = { current: () => "regions-test", onChange: () => () => {}, stop: async () => {} };
    const window = await createStudyGraphs(api.database, fixed, { wholeGraphLimit: 0 }).forDeck("all");
    const dealt = allCards(window).map((card) => card.id);
    const comparison = dealt.find((id) => id.startsWith("comparison:")) as string;
    const [, a, b] = comparison.split(":");
    const all = [...dealt, ...[...(window.focus ?? [])].flatMap((slug) => [`term:${slug}`, `definition:${slug}`, `kind:${slug}`])];
    // The first two are read at once, each alone. The third names no card but the same two concepts as the
    // comparison card after it, in the same read: it must not hide it.
    const ids = [...new Set([...all.slice(0, 2), `term:${a} ${b}`, comparison, ...all])];
    const oneByOne = createStudyGraphs(api.database, fixed, { wholeGraphLimit: 0, regionConcepts: 0 });
    const alone = new Map<string, unknown>();
    for (const id of ids) alone.set(id, (await oneByOne.cardsById([id])).get(id));
    expect([...alone.values()].filter(Boolean).length).toBeGreaterThan(100);
    expect(alone.get(comparison)).toBeDefined();

    const atOnce = createStudyGraphs(api.database, fixed, { wholeGraphLimit: 0, regionConcepts: 0 });
    api.queries.length = 0;
    const opened = await Promise.all(ids.map(async (id) => [id, (await atOnce.cardsById([id])).get(id)] as const));
    const regionReads = api.queries.filter((q) => q.includes("with recursive focus")).length;
    expect(new Map(opened)).toEqual(alone);
    expect(regionReads).toBeLessThan(ids.length / 10);
  });

  it("grades a typed answer in a full region, even right after the card was opened from a cards region", async () => {
    // A typed answer is weighed against every name its region holds; a cards region holds fewer.
    const fixed = { current: () => "regions-test", onChange: () => () => {}, stop: async () => {} };
    const study = createStudyGraphs(api.database, fixed, { wholeGraphLimit: 0 });
    const slugsOf = (graph: { concepts: { slug: string }[] }) => graph.concepts.map((c) => c.slug).sort();
    const full = slugsOf(await createStudyGraphs(api.database, fixed, { wholeGraphLimit: 0 }).forConcepts(["cgroups"]));
    expect((await study.cardsById(["term:cgroups"])).get("term:cgroups")).toBeDefined();
    expect(slugsOf(await study.forCards(["term:cgroups"]))).toEqual(full);
  });

  it("refuses a deck or card that names nothing, as it does for a whole graph", async () => {
    expect(await errorOf(`query ($deck: String) { flashcards(deck: $deck) { id } }`, { deck: "kind:nothing" })).toMatch(/^No deck "kind:nothing"\./);
    expect(await errorOf(`query ($deck: String) { flashcards(deck: $deck) { id } }`, { deck: "topic:nothing" })).toMatch(/^No deck "topic:nothing"\./);
    const { flashcard } = await query<{ flashcard: Card | null }>(`{ flashcard(id: "term:nothing") { id } }`);
    expect(flashcard).toBeNull();
  });

  it("grades a quiz's answers from the quiz as it was made: kept within a budget of questions, not made again from its region, until the graph version changes", async () => {
    // A budget of none keeps only the newest region, as a busy server of a large graph soon moves on.
    let version = "quizzes-kept-1";
    const versioned = { current: () => version, onChange: () => () => {}, stop: async () => {} };
    const study = createStudyGraphs(api.database, versioned, { wholeGraphLimit: 0, regionConcepts: 0 });
    const spec = { kind: "MIXED" as const, count: 10, seed: 7, topic: null };
    const regionReads = () => api.queries.filter((q) => q.includes("with recursive focus")).length;
    const made = await study.quiz(spec);
    expect(made.questions.length).toBeGreaterThan(0);
    await study.forRound({ seed: 8, topic: null });
    api.queries.length = 0;
    expect(await study.quiz(spec)).toBe(made);
    expect(regionReads()).toBe(0);
    // What was kept is what its region makes afresh: what another process, or this one once the quiz is
    // dropped, grades an answer against.
    const afresh = createStudyGraphs(api.database, versioned, { wholeGraphLimit: 0 });
    expect(await afresh.quiz(spec)).toEqual(made);
    expect(regionReads()).toBe(1);
    for (const other of [{ ...spec, seed: 1 }, { ...spec, seed: 7920 }, { ...spec, seed: 31677 }, { ...spec, seed: 5, topic: "hypervisor" }]) {
      const kept = await study.quiz(other);
      expect(kept.questions.length).toBeGreaterThan(0);
      expect(await createStudyGraphs(api.database, versioned, { wholeGraphLimit: 0 }).quiz(other)).toEqual(kept);
    }
    // A new graph version makes it again; an unknown topic is refused each time.
    version = "quizzes-kept-2";
    api.queries.length = 0;
    expect(await study.quiz(spec)).not.toBe(made);
    expect(regionReads()).toBe(1);
    for (let i = 0; i < 2; i++) await expect(study.quiz({ ...spec, topic: "no-such-thing" })).rejects.toThrow('No concept "no-such-thing"');
    // A quiz with no questions gets no id, so it is not kept (a stream of them would pile up at no cost).
    const empty = await study.quiz({ ...spec, count: 0 });
    expect(empty.questions).toHaveLength(0);
    expect(await study.quiz({ ...spec, count: 0 })).not.toBe(empty);
    // Kept within their budget of questions, the most recently asked for first: here none but the newest.
    const few = createStudyGraphs(api.database, versioned, { wholeGraphLimit: 0, quizQuestions: 0 });
    const first = await few.quiz(spec);
    const second = await few.quiz({ ...spec, seed: 8 });
    expect(await few.quiz({ ...spec, seed: 8 })).toBe(second);
    // A look back at past quizzes (weak spots) does not push out the quizzes being answered.
    expect((await few.quiz({ ...spec, seed: 9 }, { keep: false })).questions.length).toBeGreaterThan(0);
    expect(await few.quiz({ ...spec, seed: 8 })).toBe(second);
    const again = await few.quiz(spec);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it("after a re-seed, opens a card as the new graph says it, not from a region kept before it", async () => {
    const card = `query { flashcard(id: "term:virtualbox") { ${CARD_FIELDS} } }`;
    // The hypervisors' window, kept: it holds VirtualBox's card.
    await query(`query { flashcards(deck: "kind:hypervisor", first: 500) { id } }`);
    const before = (await query<{ flashcard: Card }>(card)).flashcard;
    const dir = copyOfSeeds();
    const file = join(dir, "concepts/virtual-machines.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("A no-cost, open source hosted hypervisor", "A free, open source hosted hypervisor"));
    await seed(api.database.db, { seedsDir: dir, sourcesDir: SOURCES_DIR });
    // The server hears of the new graph version by NOTIFY, a moment after the seed commits.
    let after = before;
    for (let tries = 0; tries < 50 && after.back === before.back; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = (await query<{ flashcard: Card }>(card)).flashcard;
    }
    expect(before.back).toMatch(/^A no-cost, open source hosted hypervisor/);
    expect(after.back).toMatch(/^A free, open source hosted hypervisor/);
  });
});

describe("cards opened together with a concept of thousands of relations", () => {
  it("open as they do alone: a shared read cut at its most concepts is read again subject by subject", async () => {
    const database = await createTestDatabase();
    try {
      await seed(database.db, { seedsDir: SEEDS_DIR, sourcesDir: SOURCES_DIR });
      // A hub used by 3,100 concepts: its region alone passes the 3,000 concepts a region holds. Their ids
      // come before the seeds' (a region keeps the nearest, then the lowest ids), so a read shared with the
      // hub keeps its spokes and cuts the other subjects' neighbours.
      await database.db.execute(sql`
        insert into concepts (id, slug, name, kind, summary, description, search_names)
        select -1 - i, 'spoke-' || i, 'Spoke ' || i, (select kind from concepts where slug = 'docker'), 'A spoke number ' || i || '.', 'A spoke.', 'spoke ' || i
        from generate_series(0, 3100) as i`);
      await database.db.execute(sql`update concepts set slug = 'hub', name = 'Hub', search_names = 'hub' where slug = 'spoke-0'`);
      await database.db.execute(sql`
        insert into relations (type, source_id, target_id)
        select 'uses', c.id, (select id from concepts where slug = 'hub') from concepts c where c.slug like 'spoke-%'`);
      // What every seed does after writing the graph: the rows a region reads.
      await refreshStudyRows(database.db);
      const fixed = { current: () => "hub-test", onChange: () => () => {}, stop: async () => {} };
      const window = await createStudyGraphs(database, fixed, { wholeGraphLimit: 0 }).forDeck("all");
      const ids = allCards(window).map((card) => card.id);
      expect(ids.length).toBeGreaterThan(20);
      const oneByOne = createStudyGraphs(database, fixed, { wholeGraphLimit: 0, regionConcepts: 0 });
      const alone = new Map<string, unknown>();
      for (const id of ids) alone.set(id, (await oneByOne.cardsById([id])).get(id));

      const atOnce = createStudyGraphs(database, fixed, { wholeGraphLimit: 0, regionConcepts: 0 });
      // The first two are read at once, each alone; the hub's card and the others wait and share the next read.
      const opened = await Promise.all(["term:spoke-1", "term:spoke-2", "term:hub", ...ids].map(async (id) => [id, (await atOnce.cardsById([id])).get(id)] as const));
      expect(new Map(opened.slice(3))).toEqual(alone);
    } finally {
      await database.drop();
    }
  });
});

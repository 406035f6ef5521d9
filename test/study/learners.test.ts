/**
 * Learners over HTTP: FSRS scheduling through the API, retries that count
 * once, undo, progress that survives re-seeds and failures half-way, two
 * learners who never see each other's data, and moving progress by export/import.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../server/db/query-rows.ts";
import { seed } from "../../server/seed/ensure-seeded.ts";
import { copyOfSeeds, SEEDS_DIR, SOURCES_DIR } from "../support/seed-paths.ts";
import { useSeededServer } from "../support/seeded-server.ts";

const api = useSeededServer();

interface GraphqlResult<T> {
  status: number;
  data: T | undefined;
  errors: { message: string; extensions?: { code?: string } }[] | undefined;
}

async function as<T>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<GraphqlResult<T>> {
  const response = await fetch(`${api.server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: GraphqlResult<T>["errors"] };
  return { status: response.status, data: body.data, errors: body.errors };
}

async function newLearner(): Promise<string> {
  const { data } = await as<{ startLearner: { token: string } }>(null, "mutation { startLearner { token learner { id } } }");
  return data?.startLearner.token as string;
}

type Progress = { cardId: string; state: string; due: string; reps: number; lapses: number; lastReview: string | null };
const REVIEW = `mutation ($card: ID!, $rating: Rating!, $id: ID!) { review(cardId: $card, rating: $rating, reviewId: $id) { cardId state due reps lapses lastReview } }`;
let reviewCounter = 0;
const review = async (token: string, card: string, rating: string, id = `r${++reviewCounter}`) =>
  as<{ review: Progress }>(token, REVIEW, { card, rating, id });

const CARD = `query ($id: ID!) { flashcard(id: $id) { id progress { state due reps } intervals { again { interval due } good { interval due } easy { interval } } } }`;
type CardView = { flashcard: { progress: { state: string; due: string; reps: number }; intervals: { again: { interval: string; due: string }; good: { interval: string; due: string }; easy: { interval: string } } } };

async function reviewsOf(token: string): Promise<number> {
  const { data } = await as<{ exportProgress: string }>(token, "{ exportProgress }");
  return (JSON.parse(data?.exportProgress ?? "{}") as { reviews: unknown[] }).reviews.length;
}

describe("scheduling", () => {
  it("shows the interval each rating would give, and schedules a card rated Good later than one rated Again", async () => {
    const token = await newLearner();
    const preview = (await as<CardView>(token, CARD, { id: "term:docker" })).data?.flashcard;
    expect(preview?.progress.state).toBe("NEW");
    expect(preview?.intervals.again.interval).toMatch(/^\d+m$/);
    expect(new Date(preview?.intervals.good.due ?? 0).getTime()).toBeGreaterThan(new Date(preview?.intervals.again.due ?? 0).getTime());

    const again = (await review(token, "term:docker", "AGAIN")).data?.review;
    const good = (await review(token, "term:podman", "GOOD")).data?.review;
    expect(again?.state).toBe("LEARNING");
    expect(new Date(good?.due ?? 0).getTime()).toBeGreaterThan(new Date(again?.due ?? 0).getTime());
    // What the Good button promised is what Good gave (same minute).
    const promised = new Date(preview?.intervals.good.due ?? 0).getTime();
    expect(Math.abs(new Date(good?.due ?? 0).getTime() - promised)).toBeLessThan(60_000);

    const easy = (await review(token, "term:lxc", "EASY")).data?.review;
    expect(easy?.state).toBe("REVIEW");
    expect(new Date(easy?.due ?? 0).getTime() - Date.now()).toBeGreaterThan(86_400_000);
  });

  it("counts a retried review once", async () => {
    const token = await newLearner();
    const first = await review(token, "term:xen", "GOOD", "retry-1");
    const second = await review(token, "term:xen", "GOOD", "retry-1");
    expect(second.data?.review).toEqual(first.data?.review);
    expect(first.data?.review.reps).toBe(1);
    expect(await reviewsOf(token)).toBe(1);
    // Many retries at once still count once.
    await Promise.all(Array.from({ length: 5 }, () => review(token, "term:qemu", "HARD", "burst-1")));
    expect(await reviewsOf(token)).toBe(2);
    const reused = await review(token, "term:kvm-nope", "GOOD", "retry-1");
    expect(reused.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const otherCard = await review(token, "term:lxd", "GOOD", "retry-1");
    expect(otherCard.errors?.[0]?.message).toMatch(/already used for another card/);
  });

  it("undoes the last rating (ts-fsrs rollback), back to a new card after the first", async () => {
    const token = await newLearner();
    const first = (await review(token, "term:cgroups", "GOOD")).data?.review;
    const second = (await review(token, "term:cgroups", "AGAIN")).data?.review;
    expect(second?.lapses ?? 0).toBeGreaterThanOrEqual(0);
    const undone = await as<{ undoReview: Progress }>(token, "mutation { undoReview { cardId state due reps } }");
    expect(undone.data?.undoReview).toMatchObject({ cardId: "term:cgroups", state: first?.state, reps: 1 });
    // ts-fsrs puts an undone card back as due when it was rated, so it is shown again right away.
    expect(new Date(undone.data?.undoReview.due ?? 0).getTime()).toBeLessThanOrEqual(Date.now());
    const again = await as<{ undoReview: Progress }>(token, "mutation { undoReview { cardId state reps } }");
    expect(again.data?.undoReview).toMatchObject({ state: "NEW", reps: 0 });
    const nothing = await as<{ undoReview: null }>(token, "mutation { undoReview { cardId } }");
    expect(nothing.data?.undoReview).toBeNull();
    expect(await reviewsOf(token)).toBe(0);
  });

  it("lists due cards first, then new ones", async () => {
    const token = await newLearner();
    await review(token, "term:oci", "AGAIN");
    // Again schedules a minute out: not due yet, so the deck starts with new cards.
    const { data } = await as<{ dueCards: { id: string }[] }>(token, `{ dueCards(deck: "topic:hypervisor", first: 5) { id } }`);
    expect(data?.dueCards).toHaveLength(5);
    expect(data?.dueCards.map((c) => c.id)).not.toContain("term:oci");
    const noNew = await as<{ dueCards: unknown[] }>(token, `{ dueCards(includeNew: false) { id } }`);
    expect(noNew.data?.dueCards).toEqual([]);
  });

  it("refuses unknown cards and missing tokens clearly", async () => {
    const token = await newLearner();
    expect((await review(token, "term:nothing", "GOOD")).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const anonymous = await review("", "term:docker", "GOOD");
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const forged = await review("gdk_forged", "term:docker", "GOOD");
    expect(forged.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("nothing a learner saved is lost", () => {
  it("keeps progress through a re-seed, for every card that still exists", async () => {
    const token = await newLearner();
    const before = (await review(token, "relation:virtualbox:owned-by", "GOOD")).data?.review;
    expect(before?.reps).toBe(1);
    const dir = copyOfSeeds();
    const file = join(dir, "concepts/virtual-machines.yaml");
    const text = readFileSync(file, "utf8");
    const edited = text.replace("    Oracle owns it. Like VMware Workstation", "    It is Oracle's. Like VMware Workstation");
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    await seed(api.database.db, { seedsDir: dir, sourcesDir: SOURCES_DIR });
    const after = await as<CardView>(token, CARD, { id: "relation:virtualbox:owned-by" });
    expect(after.data?.flashcard.progress).toMatchObject({ state: before?.state, due: before?.due, reps: 1 });
    await seed(api.database.db, { seedsDir: SEEDS_DIR, sourcesDir: SOURCES_DIR });
  });

  it("leaves the card untouched when a review fails half-way", async () => {
    const token = await newLearner();
    const before = (await review(token, "term:kaniko", "GOOD")).data?.review;
    // Make the review log refuse the next insert, after the card state was written.
    await api.database.db.execute(sql`create or replace function refuse_review() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`);
    await api.database.db.execute(sql`create trigger refuse_review before insert on review_logs for each row execute function refuse_review()`);
    try {
      const failed = await review(token, "term:kaniko", "AGAIN");
      expect(failed.errors?.[0]?.message).toBe("Unexpected error.");
      expect(JSON.stringify(failed)).not.toMatch(/disk full|review_logs|insert/i);
    } finally {
      await api.database.db.execute(sql`drop trigger refuse_review on review_logs`);
    }
    const card = (await as<CardView>(token, CARD, { id: "term:kaniko" })).data?.flashcard.progress;
    expect(card).toMatchObject({ state: before?.state, due: before?.due, reps: 1 });
    expect(await reviewsOf(token)).toBe(1);
  });

  it("keeps learner rows out of the graph tables", async () => {
    const rows = await queryRows<{ table_name: string }>(
      api.database.db,
      sql`select distinct tc.table_name from information_schema.table_constraints tc
          join information_schema.constraint_column_usage cu on cu.constraint_name = tc.constraint_name
          where tc.constraint_type = 'FOREIGN KEY' and tc.table_name in ('card_states', 'review_logs', 'quiz_answers')
            and cu.table_name not in ('learners')`,
    );
    expect(rows).toEqual([]);
  });
});

describe("two learners", () => {
  it("never see or change each other's progress", async () => {
    const alice = await newLearner();
    const bob = await newLearner();
    await review(alice, "term:docker", "GOOD", "shared-id");
    // Bob may use the same reviewId: it is his own.
    const bobs = await review(bob, "term:podman", "AGAIN", "shared-id");
    expect(bobs.data?.review.cardId).toBe("term:podman");
    const bobView = await as<CardView>(bob, CARD, { id: "term:docker" });
    expect(bobView.data?.flashcard.progress.state).toBe("NEW");
    const undone = await as<{ undoReview: Progress }>(bob, "mutation { undoReview { cardId } }");
    expect(undone.data?.undoReview.cardId).toBe("term:podman");
    const aliceView = await as<CardView>(alice, CARD, { id: "term:docker" });
    expect(aliceView.data?.flashcard.progress.reps).toBe(1);
    const aliceProgress = await as<{ progress: { cards: { new: number; learning: number; review: number } } }>(alice, "{ progress { cards { new learning review } } }");
    const bobProgress = await as<{ progress: { cards: { new: number; learning: number; review: number } } }>(bob, "{ progress { cards { new learning review } } }");
    expect(aliceProgress.data?.progress.cards.learning).toBe(1);
    expect(bobProgress.data?.progress.cards.learning).toBe(0);
    const aliceExport = JSON.parse((await as<{ exportProgress: string }>(alice, "{ exportProgress }")).data?.exportProgress ?? "{}") as { cards: { cardId: string }[] };
    expect(aliceExport.cards.map((c) => c.cardId)).toEqual(["term:docker"]);
  });
});

describe("progress", () => {
  it("counts retention over the reviews that tested memory, day by day", async () => {
    const token = await newLearner();
    // Easy on a new card skips learning: its next reviews test memory.
    await review(token, "term:xen", "EASY");
    await review(token, "term:docker", "EASY");
    await review(token, "term:docker", "GOOD");
    await review(token, "term:xen", "AGAIN");
    // A learning step does not count as a recall.
    await review(token, "term:podman", "GOOD");
    type P = { progress: { retention: number | null; reviewsPerDay: { count: number; recalls: number; remembered: number }[] } };
    const { data } = await as<P>(token, "{ progress { retention reviewsPerDay { count recalls remembered } } }");
    expect(data?.progress.retention).toBe(0.5);
    expect(data?.progress.reviewsPerDay.at(-1)).toEqual({ count: 5, recalls: 2, remembered: 1 });
    expect(data?.progress.reviewsPerDay.slice(0, -1).every((d) => d.count === 0 && d.recalls === 0)).toBe(true);
    // A deck counts only its own cards' reviews: Xen's two are in the hypervisor topic, Docker's and Podman's are not.
    const deck = await as<P>(token, `{ progress(deck: "topic:hypervisor") { retention reviewsPerDay { count recalls remembered } } }`);
    expect(deck.data?.progress.reviewsPerDay.at(-1)).toEqual({ count: 2, recalls: 1, remembered: 0 });
    expect(deck.data?.progress.retention).toBe(0);
  });

  it("counts cards by state and kind, reviews per day and quiz results", async () => {
    const token = await newLearner();
    await review(token, "term:docker", "GOOD");
    await review(token, "term:xen", "EASY");
    const quiz = await as<{ quiz: { id: string; questions: { id: string; choices: { id: string }[] }[] } }>(token, `{ quiz(kind: TRUE_FALSE, count: 2, seed: 1) { id questions { id choices { id } } } }`);
    const q = quiz.data?.quiz;
    const question = q?.questions[0];
    const answer = `mutation ($q: ID!, $qq: ID!, $c: ID!) { answer(quizId: $q, questionId: $qq, choiceId: $c) { recorded } }`;
    const first = await as<{ answer: { recorded: boolean } }>(token, answer, { q: q?.id, qq: question?.id, c: question?.choices[0]?.id });
    const again = await as<{ answer: { recorded: boolean } }>(token, answer, { q: q?.id, qq: question?.id, c: question?.choices[1]?.id });
    expect([first.data?.answer.recorded, again.data?.answer.recorded]).toEqual([true, false]);
    type P = { progress: { cards: { new: number; learning: number; review: number; total: number }; retention: number | null; reviewsPerDay: { date: string; count: number }[]; byKind: { kind: { slug: string }; learning: number; review: number }[]; quizzes: { answered: number } } };
    const { data } = await as<P>(token, `{ progress(timeZone: "Europe/Paris") { cards { new learning review total } retention reviewsPerDay { date count } byKind { kind { slug } learning review } quizzes { answered correct } } }`);
    const progress = data?.progress;
    expect(progress?.cards).toMatchObject({ learning: 1, review: 1 });
    expect(progress?.cards.new).toBe((progress?.cards.total ?? 0) - 2);
    expect(progress?.reviewsPerDay).toHaveLength(30);
    expect(progress?.reviewsPerDay.at(-1)?.count).toBe(2);
    expect(progress?.byKind.find((k) => k.kind.slug === "hypervisor")?.review).toBe(1);
    expect(progress?.byKind.find((k) => k.kind.slug === "container-runtime")?.learning).toBe(1);
    expect(progress?.quizzes.answered).toBe(1);
    expect(progress?.retention).toBeNull();
    const badZone = await as(token, `{ progress(timeZone: "Mars/Olympus") { dueToday } }`);
    expect(badZone.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("moves to another browser by export and import, and a bad file changes nothing", async () => {
    const old = await newLearner();
    await review(old, "term:docker", "GOOD");
    await review(old, "term:docker", "GOOD");
    await review(old, "term:buildah", "AGAIN");
    const exported = (await as<{ exportProgress: string }>(old, "{ exportProgress }")).data?.exportProgress as string;

    const fresh = await newLearner();
    const bad = await as(fresh, "mutation ($d: String!) { importProgress(data: $d) { cards } }", { d: exported.replace('"reviews":[', '"reviews":[{"nonsense":1},') });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await reviewsOf(fresh)).toBe(0);
    const notJson = await as(fresh, "mutation ($d: String!) { importProgress(data: $d) { cards } }", { d: "{oops" });
    expect(notJson.errors?.[0]?.message).toMatch(/not JSON/);

    const imported = await as<{ importProgress: { cards: number; reviews: number } }>(fresh, "mutation ($d: String!) { importProgress(data: $d) { cards reviews quizAnswers } }", { d: exported });
    expect(imported.data?.importProgress).toMatchObject({ cards: 2, reviews: 3 });
    const view = await as<CardView>(fresh, CARD, { id: "term:docker" });
    expect(view.data?.flashcard.progress.reps).toBe(2);
    // Importing again adds nothing.
    const twice = await as<{ importProgress: { cards: number; reviews: number } }>(fresh, "mutation ($d: String!) { importProgress(data: $d) { cards reviews } }", { d: exported });
    expect(twice.data?.importProgress).toEqual({ cards: 0, reviews: 0 });
  });
});

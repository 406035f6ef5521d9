/**
 * Export and import for a learner with a long history: 40,000 reviews is over
 * 10 MiB of JSON (ten times the ordinary body limit). It comes back in whole,
 * sent plain or gzipped, while the server keeps answering; and whatever a file
 * claims is checked before anything is written.
 */
import { get, request } from "node:http";
import { gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../server/db/query-rows.ts";
import { LIMITS } from "../../server/http/limits.ts";
import { useSeededServer } from "../support/seeded-server.ts";

const api = useSeededServer();
const REVIEWS = 40_000;
const IMPORT = "mutation ($d: String!) { importProgress(data: $d) { cards reviews quizAnswers } }";

interface Answer<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * One POST on a connection of its own: between requests this test writes 40,000 rows for seconds, and a
 * pooled keep-alive socket the server closes as idle just as the next request goes out reads as
 * ECONNRESET, which says nothing about the server.
 */
async function send<T>(token: string | null, body: string, gzip = false): Promise<Answer<T>> {
  const payload = gzip ? gzipSync(body) : Buffer.from(body);
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const outgoing = request(
      `${api.server.url}/graphql`,
      {
        method: "POST",
        agent: false,
        headers: {
          "content-type": "application/json",
          "content-length": payload.length,
          ...(gzip ? { "content-encoding": "gzip" } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(payload);
  });
  try {
    return { status, ...(JSON.parse(text) as object) };
  } catch {
    return { status, errors: [{ message: text }] };
  }
}

const as = <T>(token: string | null, query: string, variables?: Record<string, unknown>) => send<T>(token, JSON.stringify({ query, variables }));

async function newLearner(): Promise<{ token: string; id: number }> {
  const { data } = await as<{ startLearner: { token: string } }>(null, "mutation { startLearner { token } }");
  const token = data?.startLearner.token as string;
  const [row] = await queryRows<{ id: number }>(api.database.db, sql`select id from learners where token_hash = encode(sha256(convert_to(${token}, 'UTF8')), 'hex')`);
  return { token, id: row?.id as number };
}

async function cardIds(): Promise<string[]> {
  const { data } = await as<{ flashcards: { id: string }[] }>(null, "{ flashcards(first: 500) { id } }");
  return (data?.flashcards ?? []).map((c) => c.id);
}

/** A learner with REVIEWS reviews spread over every card, written straight into the database. */
async function learnerWithHistory(): Promise<{ token: string; exported: string }> {
  const learner = await newLearner();
  const cards = await cardIds();
  const start = Math.floor(Date.now() / 1000) - 400 * 86_400;
  await api.database.db.execute(sql`
    insert into review_logs (learner_id, card_id, review_id, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days, scheduled_days, learning_steps, reviewed_at)
    select ${learner.id}, (select array_agg(value) from jsonb_array_elements_text(${JSON.stringify(cards)}::jsonb))[1 + (i % ${cards.length})], 'bulk-' || i, 1 + (i % 4), 2, to_timestamp(${start}::bigint + i * 600 + 86400), 3.5 + (i % 7), 5.2, i % 30, i % 30, 1 + i % 20, 0,
           to_timestamp(${start}::bigint + i * 600)
    from generate_series(1, ${REVIEWS}) as i`);
  await api.database.db.execute(sql`
    insert into card_states (learner_id, card_id, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review)
    select ${learner.id}, c, now() + interval '3 days', 12.5, 5.1, 3, 3, 0, 70, 4, 2, now() - interval '1 day' from jsonb_array_elements_text(${JSON.stringify(cards)}::jsonb) as c`);
  const { data, errors } = await as<{ exportProgress: string }>(learner.token, "{ exportProgress }");
  expect(errors?.map((e) => e.message.slice(0, 300))).toBeUndefined();
  return { token: learner.token, exported: data?.exportProgress as string };
}

/**
 * GET /health on a connection of its own: a pooled keep-alive socket that the server closes as idle
 * just as the next request goes out reads as ECONNRESET, which says nothing about the server.
 */
function healthOnNewConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    }).on("error", reject);
  });
}

describe("a big learner", () => {
  it(`exports ${REVIEWS.toLocaleString("en")} reviews (over 10 MiB) and imports them whole, gzipped or plain, while /health keeps answering`, async () => {
    const { exported } = await learnerWithHistory();
    const size = Buffer.byteLength(exported);
    expect(size).toBeGreaterThan(10 * 1024 * 1024);
    expect(size).toBeLessThan(LIMITS.importBodyBytes);

    for (const gzip of [true, false]) {
      const fresh = await newLearner();
      const body = JSON.stringify({ query: IMPORT, variables: { d: exported } });
      let slowestHealth = 0;
      let importing = true;
      const watcher = (async () => {
        while (importing) {
          const t = performance.now();
          await healthOnNewConnection(`${api.server.url}/health`);
          slowestHealth = Math.max(slowestHealth, performance.now() - t);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      const started = performance.now();
      const answer = await send<{ importProgress: { cards: number; reviews: number } }>(fresh.token, body, gzip);
      const ms = performance.now() - started;
      importing = false;
      await watcher;
      expect(answer.errors?.map((e) => e.message.slice(0, 300))).toBeUndefined();
      expect(answer.data?.importProgress.reviews).toBe(REVIEWS);
      console.log(
        `import of ${(size / 1024 / 1024).toFixed(1)} MiB (${gzip ? `gzip ${(gzipSync(body).length / 1024 / 1024).toFixed(1)} MiB` : "plain"}): ${Math.round(ms)} ms; slowest /health meanwhile ${Math.round(slowestHealth)} ms`,
      );
      const [row] = await queryRows<{ n: number }>(api.database.db, sql`select count(*)::int as n from review_logs where learner_id = ${fresh.id}`);
      expect(row?.n).toBe(REVIEWS);
    }
  }, 240_000);

  it("accepts a big body only for importProgress, and only from a learner", async () => {
    const { token } = await newLearner();
    const padding = "x".repeat(LIMITS.bodyBytes + 10);
    const other = await send(token, JSON.stringify({ query: `mutation ($p: ID!) { review(cardId: "term:docker", rating: GOOD, reviewId: $p) { reps } }`, variables: { p: padding } }));
    expect(other.status).toBe(413);
    const anonymous = await send(null, JSON.stringify({ query: IMPORT, variables: { d: padding } }));
    expect(anonymous.status).toBe(413);
  });
});

describe("what an import file may claim", () => {
  const base = () => ({ format: "graphdeck-progress", version: 2, exportedAt: new Date(Date.now() - 60_000).toISOString(), cards: [] as unknown[], reviews: [] as unknown[], quizAnswers: [] as unknown[] });
  const review = (over: Record<string, unknown> = {}) => ({
    reviewId: "r1",
    cardId: "term:docker",
    rating: 3,
    state: 2,
    due: new Date(Date.now() + 86_400_000).toISOString(),
    stability: 3.2,
    difficulty: 5,
    elapsedDays: 1,
    lastElapsedDays: 1,
    scheduledDays: 2,
    learningSteps: 0,
    reviewedAt: new Date(Date.now() - 86_400_000).toISOString(),
    ...over,
  });

  const cases: [string, () => object, RegExp][] = [
    ["an unknown card id", () => ({ ...base(), reviews: [review({ cardId: "term:no-such-card" })] }), /no flashcard "term:no-such-card"/],
    ["a NUL in a card id", () => ({ ...base(), reviews: [review({ cardId: "term:docker\u0000" })] }), /NUL/],
    ["a review in year 9999", () => ({ ...base(), reviews: [review({ reviewedAt: "9999-01-01T00:00:00.000Z" })] }), /between 2000 and now/],
    ["stability 1e308", () => ({ ...base(), reviews: [review({ stability: 1e308 })] }), /stability/],
    ["a negative difficulty", () => ({ ...base(), reviews: [review({ difficulty: -1 })] }), /difficulty/],
    [
      "a quiz answer the server never recorded",
      () => ({ ...base(), quizAnswers: [{ quizId: "abc.def", questionId: "q1", quizKind: "DEFINITION", correct: true, answeredAt: new Date().toISOString(), signature: "forged-forged-forged-f" }] }),
      /did not record/,
    ],
  ];
  for (const [name, file, message] of cases) {
    it(`refuses ${name}, and writes nothing`, async () => {
      const learner = await newLearner();
      const answer = await as(learner.token, IMPORT, { d: JSON.stringify(file()) });
      expect(answer.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(answer.errors?.[0]?.message).toMatch(message);
      const [row] = await queryRows<{ n: number }>(api.database.db, sql`select count(*)::int as n from review_logs where learner_id = ${learner.id}`);
      expect(row?.n).toBe(0);
    });
  }

  it("refuses a 1 MiB file of unknown card ids at once", async () => {
    const learner = await newLearner();
    const reviews = Array.from({ length: 3000 }, (_, i) => review({ reviewId: `u${i}`, cardId: `term:unknown-${i}` }));
    const body = JSON.stringify({ ...base(), reviews });
    const started = performance.now();
    const answer = await as(learner.token, IMPORT, { d: body });
    expect(answer.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("imports a version-1 file's cards and reviews, leaving out its unverifiable quiz answers", async () => {
    const learner = await newLearner();
    const file = { ...base(), version: 1, reviews: [review()], quizAnswers: [{ quizId: "abc.def", questionId: "q1", quizKind: "DEFINITION", correct: true, answeredAt: new Date().toISOString() }] };
    const answer = await as<{ importProgress: { reviews: number; quizAnswers: number } }>(learner.token, IMPORT, { d: JSON.stringify(file) });
    expect(answer.data?.importProgress).toMatchObject({ reviews: 1, quizAnswers: 0 });
  });

  it("round-trips quiz answers the server recorded", async () => {
    const learner = await newLearner();
    const quiz = await as<{ quiz: { id: string; questions: { id: string; choices: { id: string }[] }[] } }>(null, "{ quiz(kind: DEFINITION, count: 2, seed: 3) { id questions { id choices { id } } } }");
    const q = quiz.data?.quiz;
    for (const question of q?.questions ?? []) {
      await as(learner.token, "mutation ($q: ID!, $qq: ID!, $c: ID!) { answer(quizId: $q, questionId: $qq, choiceId: $c) { correct } }", { q: q?.id, qq: question.id, c: question.choices[0]?.id });
    }
    const exported = (await as<{ exportProgress: string }>(learner.token, "{ exportProgress }")).data?.exportProgress as string;
    const other = await newLearner();
    const answer = await as<{ importProgress: { quizAnswers: number } }>(other.token, IMPORT, { d: exported });
    expect(answer.data?.importProgress.quizAnswers).toBe(2);
    // The same answers with "correct" flipped are refused.
    const tampered = JSON.parse(exported) as { quizAnswers: { correct: boolean }[] };
    for (const a of tampered.quizAnswers) a.correct = !a.correct;
    const third = await newLearner();
    expect((await as(third.token, IMPORT, { d: JSON.stringify(tampered) })).errors?.[0]?.message).toMatch(/did not record/);
  });
});

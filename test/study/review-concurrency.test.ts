/**
 * Simultaneous reviews of one card by one learner (a double key press, two
 * tabs) are applied one after the other: N reviews with N reviewIds give a card
 * reviewed N times and N log entries — also when the card had never been rated,
 * so no row existed for FOR UPDATE to lock.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../server/db/query-rows.ts";
import { useSeededServer } from "../support/seeded-server.ts";
import { onPostgres } from "../support/test-database.ts";

const api = useSeededServer();

async function as<T>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<{ status: number; data?: T; errors?: { message: string }[] }> {
  const response = await fetch(`${api.server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as { data?: T; errors?: { message: string }[] }) };
}

const REVIEW = `mutation ($card: ID!, $rating: Rating!, $id: ID!) { review(cardId: $card, rating: $rating, reviewId: $id) { reps } }`;

async function cardIds(count: number): Promise<string[]> {
  const { data } = await as<{ flashcards: { id: string }[] }>(null, `{ flashcards(first: ${count}) { id } }`);
  return (data?.flashcards ?? []).map((c) => c.id);
}

describe("simultaneous reviews", () => {
  it(`two simultaneous first reviews of each of 40 cards count twice (${onPostgres ? "PostgreSQL" : "PGlite"})`, async () => {
    const { data } = await as<{ startLearner: { token: string; learner: { id: string } } }>(null, "mutation { startLearner { token learner { id } } }");
    const token = data?.startLearner.token as string;
    const cards = await cardIds(40);
    expect(cards).toHaveLength(40);
    const answers = await Promise.all(
      cards.flatMap((card) => [as(token, REVIEW, { card, rating: "GOOD", id: `${card}-a` }), as(token, REVIEW, { card, rating: "AGAIN", id: `${card}-b` })]),
    );
    expect(answers.every((a) => a.status === 200 && !a.errors)).toBe(true);
    const rows = await queryRows<{ card_id: string; reps: number; logs: number }>(
      api.database.db,
      sql`select s.card_id, s.reps, (select count(*)::int from review_logs l where l.learner_id = s.learner_id and l.card_id = s.card_id) as logs
          from card_states s join learners on learners.id = s.learner_id where learners.token_hash = encode(sha256(convert_to(${token}, 'UTF8')), 'hex')`,
    );
    expect(rows).toHaveLength(40);
    const lost = rows.filter((r) => r.reps !== 2);
    expect(lost).toEqual([]);
    expect(rows.every((r) => r.logs === 2)).toBe(true);
  });

  it("eight simultaneous reviews of one card give eight repetitions, each starting from the one before", async () => {
    const { data } = await as<{ startLearner: { token: string } }>(null, "mutation { startLearner { token } }");
    const token = data?.startLearner.token as string;
    const [card] = await cardIds(1);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => as<{ review: { reps: number } }>(token, REVIEW, { card, rating: "GOOD", id: `many-${i}` })));
    // Each answer saw the card as the review before it left it: reps 1..8, each once.
    expect(answers.map((a) => a.data?.review.reps).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

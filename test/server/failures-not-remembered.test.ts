/**
 * Nothing remembers a failure: when the quiz key, the vocabularies or the graph
 * snapshot cannot be loaded (the database hiccups), the next request tries
 * again and succeeds once the database is back. The hiccup is a table renamed
 * away for a moment.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useSeededServer } from "../support/seeded-server.ts";

const api = useSeededServer();

async function withTableGone<T>(table: string, during: () => Promise<T>): Promise<T> {
  await api.database.db.execute(sql.raw(`alter table "${table}" rename to "${table}_away"`));
  try {
    return await during();
  } finally {
    await api.database.db.execute(sql.raw(`alter table "${table}_away" rename to "${table}"`));
  }
}

describe("failures are not remembered", () => {
  // First: nothing has loaded the snapshot yet.
  it("the graph snapshot: flashcards fail while it cannot be loaded, and load after", async () => {
    const query = `{ flashcards(first: 2) { id } }`;
    const failed = await withTableGone("claims", () => api.server.graphql(query));
    expect(failed.body.errors?.length).toBeGreaterThan(0);
    const again = await api.server.graphql<{ flashcards: { id: string }[] }>(query);
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data?.flashcards).toHaveLength(2);
  });

  it("the quiz key: a quiz fails while it cannot be loaded, and works at once after", async () => {
    const quiz = `{ quiz(kind: DEFINITION, count: 2, seed: 1) { id } }`;
    const failed = await withTableGone("app_settings", () => api.server.graphql(quiz));
    expect(failed.body.errors?.[0]?.message).toBe("Unexpected error.");
    const again = await api.server.graphql<{ quiz: { id: string } }>(quiz);
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data?.quiz.id).toBeTruthy();
  });

  it("the vocabularies: kinds fail while the table is away, and load after", async () => {
    const failed = await withTableGone("aspects", () => api.server.graphql(`{ aspects { slug } }`));
    expect(failed.body.errors?.length).toBeGreaterThan(0);
    const again = await api.server.graphql<{ aspects: { slug: string }[] }>(`{ aspects { slug } }`);
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data?.aspects.length).toBeGreaterThan(0);
  });

});

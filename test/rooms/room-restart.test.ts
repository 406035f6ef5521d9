/**
 * A room outlives the process serving it: its state is in the database, so a player whose
 * connection drops, or whose server restarts, picks up at the question being asked with their
 * score kept; and a player whose connection lands on another server (or worker) than the host's
 * follows the host's every move (changes are announced through the database).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../server/seed/ensure-seeded.ts";
import { startTestServer, type TestServer } from "../support/graphql-client.ts";
import { SEEDS_DIR, SOURCES_DIR } from "../support/seed-paths.ts";
import { subscribe } from "../support/sse-subscription.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { ANSWER, control, JOIN, OPEN, SUBSCRIBE, type Session, type View } from "./room-operations.ts";

let database: TestDatabase;
let first: TestServer;
let second: TestServer | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db, { seedsDir: SEEDS_DIR, sourcesDir: SOURCES_DIR });
  first = await startTestServer(database);
});

afterAll(async () => {
  await second?.close();
  await first?.close();
  await database?.drop();
});

async function call<T>(server: TestServer, query: string, variables: Record<string, unknown>): Promise<T> {
  const { body } = await server.graphql<Record<string, T>>(query, variables);
  expect(body.errors).toBeUndefined();
  return Object.values(body.data ?? {})[0] as T;
}

describe("a room across reconnections and restarts", () => {
  it("resumes at the current question with the score and the answer given kept", async () => {
    const host = await call<Session>(first, OPEN, { kind: "DEFINITION", count: 3, seed: 21, seconds: 120 });
    const ada = await call<Session>(first, JOIN, { code: host.code, nickname: "Ada" });
    await call(first, JOIN, { code: host.code, nickname: "Bob" });
    const started = await call<View>(first, control("startRoom"), { code: host.code, token: host.token });
    const q1 = started.question;
    if (!q1) throw new Error("no question");
    await call(first, ANSWER, { code: host.code, token: ada.token, question: q1.id, choice: q1.choices[0]?.id });
    const revealed = await call<View>(first, control("revealAnswer"), { code: host.code, token: host.token });
    const adaScore = revealed.players.find((p) => p.nickname === "Ada")?.score ?? -1;
    const asked = await call<View>(first, control("nextQuestion"), { code: host.code, token: host.token });
    const q2 = asked.question;
    if (!q2) throw new Error("no question");

    // A dropped connection: the new subscription starts with the question being asked.
    const screen = subscribe<{ room: View }>(first.url, SUBSCRIBE, { code: host.code, token: ada.token });
    const before = await screen.until(() => true);
    expect(before.room).toMatchObject({ phase: "QUESTION", questionIndex: 1, myAnswer: null });
    expect(before.room.me?.score).toBe(adaScore);
    await call(first, ANSWER, { code: host.code, token: ada.token, question: q2.id, choice: q2.choices[1]?.id });
    await screen.until((d) => d.room.myAnswer !== null);
    screen.close();
    const again = subscribe<{ room: View }>(first.url, SUBSCRIBE, { code: host.code, token: ada.token });
    const resumed = await again.until(() => true);
    expect(resumed.room.myAnswer).toMatchObject({ questionId: q2.id, choiceId: q2.choices[1]?.id, correct: null });

    // The server goes away (its streams end) and another starts on the same database.
    await first.close();
    await again.ended;
    second = await startTestServer(database);
    const after = subscribe<{ room: View }>(second.url, SUBSCRIBE, { code: host.code, token: ada.token });
    const restarted = await after.until(() => true);
    expect(restarted.room).toMatchObject({ phase: "QUESTION", questionIndex: 1, endsAt: asked.endsAt });
    expect(restarted.room.question?.id).toBe(q2.id);
    expect(restarted.room.me?.score).toBe(adaScore);
    expect(restarted.room.myAnswer?.choiceId).toBe(q2.choices[1]?.id);
    // The game goes on through the new process.
    await call(second, control("revealAnswer"), { code: host.code, token: host.token });
    const shown = await after.until((d) => d.room.phase === "REVEAL");
    expect(shown.room.reveal?.shares.reduce((sum, s) => sum + s.count, 0)).toBe(1);
    after.close();
  });

  it("keeps a player on one server in step with a host on another", async () => {
    if (!second) second = await startTestServer(database);
    const third = await startTestServer(database);
    try {
      const host = await call<Session>(second, OPEN, { kind: "TRUE_FALSE", count: 2, seed: 4, seconds: 120 });
      const ada = await call<Session>(third, JOIN, { code: host.code, nickname: "Ada" });
      const screen = subscribe<{ room: View }>(third.url, SUBSCRIBE, { code: host.code, token: ada.token });
      await screen.until((d) => d.room.phase === "LOBBY");
      const hostScreen = subscribe<{ room: View }>(second.url, SUBSCRIBE, { code: host.code, token: host.token });
      await hostScreen.until((d) => d.room.players.length === 1);
      // Bob joins through the host's server: Ada's screen, on the other, shows him.
      await call(second, JOIN, { code: host.code, nickname: "Bob" });
      await screen.until((d) => d.room.players.length === 2);
      const started = await call<View>(second, control("startRoom"), { code: host.code, token: host.token });
      const asked = await screen.until((d) => d.room.phase === "QUESTION");
      expect(asked.room.question?.id).toBe(started.question?.id);
      // Ada answers through her server: the host's screen counts it.
      await call(third, ANSWER, { code: host.code, token: ada.token, question: asked.room.question?.id, choice: asked.room.question?.choices[0]?.id });
      await hostScreen.until((d) => d.room.answeredCount === 1);
      await call(second, control("revealAnswer"), { code: host.code, token: host.token });
      expect((await screen.until((d) => d.room.phase === "REVEAL")).room.reveal?.shares.reduce((sum, s) => sum + s.count, 0)).toBe(1);
      screen.close();
      hostScreen.close();
    } finally {
      await third.close();
    }
  });
});

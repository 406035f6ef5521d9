/**
 * A live room played over HTTP as a class would: a host, three players on their own connections,
 * every screen fed by its own subscription (server-sent events); errors for every misstep.
 */
import { describe, expect, it } from "vitest";
import { useSeededServer } from "../support/seeded-server.ts";
import { subscribe, type SseSubscription } from "../support/sse-subscription.ts";
import {
  AnswerRoomQuestionDocument,
  CloseRoomDocument,
  HostRoomUpdatesDocument,
  JoinRoomDocument,
  NextQuestionDocument,
  OpenRoomDocument,
  ReplayRoomDocument,
  RevealAnswerDocument,
  RoomResultsCsvDocument,
  RoomUpdatesDocument,
  StartRoomDocument,
  type RoomViewFieldsFragment,
} from "../../web/app/api/generated/graphql.ts";
import { ANSWER, control, CSV, JOIN, OPEN, REPLAY, ROOM, SUBSCRIBE, type Session, type View } from "./room-operations.ts";

const api = useSeededServer();

async function call<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const { body } = await api.server.graphql<Record<string, T>>(query, variables);
  expect(body.errors).toBeUndefined();
  return Object.values(body.data ?? {})[0] as T;
}

/** The `reason` of the error a call is refused with. */
async function refusal(query: string, variables: Record<string, unknown>): Promise<{ reason: string | undefined; message: string }> {
  const { body } = await api.server.graphql(query, variables);
  const error = body.errors?.[0] as { message: string; extensions?: { code?: string; reason?: string } } | undefined;
  expect(error, "the call should have been refused").toBeDefined();
  expect(error?.extensions?.code).toBe("BAD_USER_INPUT");
  expect(JSON.stringify(body)).not.toMatch(/select |insert |\bat .*\.ts:/i);
  return { reason: error?.extensions?.reason, message: error?.message ?? "" };
}

const watch = (session: { code: string; token: string }): SseSubscription<{ room: View }> =>
  subscribe<{ room: View }>(api.server.url, SUBSCRIBE, { code: session.code, token: session.token });

/** The right choice of each question, as the quiz API grades the same quiz alone. */
async function rightChoices(kind: string, count: number, seed: number): Promise<Map<string, string>> {
  const quiz = await call<{ id: string; questions: { id: string; choices: { id: string }[] }[] }>(
    `query ($kind: QuizKind!, $count: Int, $seed: Int) { quiz(kind: $kind, count: $count, seed: $seed) { id questions { id choices { id } } } }`,
    { kind, count, seed },
  );
  const right = new Map<string, string>();
  for (const question of quiz.questions) {
    const graded = await call<{ correctChoiceId: string }>(`mutation ($q: ID!, $id: ID!, $c: ID!) { answer(quizId: $q, questionId: $id, choiceId: $c) { correctChoiceId } }`, {
      q: quiz.id,
      id: question.id,
      c: question.choices[0]?.id,
    });
    right.set(question.id, graded.correctChoiceId);
  }
  return right;
}

describe("a live room", () => {
  it("plays from the lobby to the podium: same moment for all, graded on the server, points for speed, shares, sources, CSV", async () => {
    const host = await call<Session>(OPEN, { kind: "MIXED", count: 3, seed: 7, seconds: 60 });
    expect(host.role).toBe("HOST");
    expect(host.code).toMatch(/^[CDFGHJKMNPQRTVWX34679]{6}$/);
    expect(host.room.phase).toBe("LOBBY");
    expect(host.room.questionCount).toBe(3);
    const right = await rightChoices("MIXED", 3, 7);

    const hostScreen = watch(host);
    await hostScreen.until((d) => d.room.phase === "LOBBY");
    // The code may be typed in lower case with a hyphen, as it is shown.
    const typed = `${host.code.slice(0, 3).toLowerCase()}-${host.code.slice(3).toLowerCase()}`;
    const ada = await call<Session>(JOIN, { code: typed, nickname: "Ada" });
    const bob = await call<Session>(JOIN, { code: host.code, nickname: "  Bob " });
    const cy = await call<Session>(JOIN, { code: host.code, nickname: "Cy" });
    expect(ada.role).toBe("PLAYER");
    expect(bob.room.me?.nickname).toBe("Bob");
    expect(new Set([host.token, ada.token, bob.token, cy.token]).size).toBe(4);
    expect((await refusal(JOIN, { code: host.code, nickname: "ADA" })).reason).toBe("NICKNAME_TAKEN");
    const lobby = await hostScreen.until((d) => d.room.players.length === 3);
    expect(lobby.room.players.map((p) => p.nickname).sort()).toEqual(["Ada", "Bob", "Cy"]);

    const screens = [ada, bob, cy].map(watch);
    for (const screen of screens) expect((await screen.until((d) => d.room.phase === "LOBBY")).room.players).toHaveLength(3);

    // A player cannot act as the host; the host cannot answer.
    expect((await refusal(control("startRoom"), { code: host.code, token: ada.token })).reason).toBe("NOT_HOST");
    expect((await refusal(control("nextQuestion"), { code: host.code, token: host.token })).reason).toBe("WRONG_PHASE");

    const started = await call<View>(control("startRoom"), { code: host.code, token: host.token });
    expect(started.phase).toBe("QUESTION");
    expect((await refusal(control("startRoom"), { code: host.code, token: host.token })).reason).toBe("WRONG_PHASE");
    const asked = await Promise.all(screens.map((s) => s.until((d) => d.room.phase === "QUESTION")));
    for (const view of asked) {
      expect(view.room.questionIndex).toBe(0);
      expect(view.room.question?.id).toBe(started.question?.id);
      expect(view.room.endsAt).toBe(started.endsAt);
      expect(view.room.reveal).toBeNull();
      expect(view.room.answeredCount).toBeNull();
    }
    const first = started.question;
    if (!first) throw new Error("no question");
    const rightId = right.get(first.id) as string;
    const wrongId = first.choices.find((c) => c.id !== rightId)?.id as string;
    expect((await refusal(ANSWER, { code: host.code, token: host.token, question: first.id, choice: rightId })).reason).toBe("NOT_PLAYER");
    expect((await refusal(ANSWER, { code: host.code, token: ada.token, question: first.id, choice: "nope" })).reason).toBe("UNKNOWN_CHOICE");

    const adaAnswer = await call<View["myAnswer"]>(ANSWER, { code: host.code, token: ada.token, question: first.id, choice: rightId });
    // Nothing tells the answer before the question closes.
    expect(adaAnswer).toEqual({ questionId: first.id, choiceId: rightId, correct: null, points: null });
    expect((await refusal(ANSWER, { code: host.code, token: ada.token, question: first.id, choice: wrongId })).reason).toBe("ALREADY_ANSWERED");
    await call(ANSWER, { code: host.code, token: bob.token, question: first.id, choice: wrongId });
    const counted = await hostScreen.until((d) => d.room.answeredCount === 2);
    expect(counted.room.players.filter((p) => p.answered).map((p) => p.nickname).sort()).toEqual(["Ada", "Bob"]);
    expect(counted.room.players.every((p) => p.score === 0)).toBe(true);

    // Cy has not answered: the host closes the question early, and Cy is then too late.
    await call(control("revealAnswer"), { code: host.code, token: host.token });
    expect((await refusal(ANSWER, { code: host.code, token: cy.token, question: first.id, choice: rightId })).reason).toBe("LATE_ANSWER");
    const [adaSees, bobSees] = await Promise.all(screens.slice(0, 2).map((s) => s.until((d) => d.room.phase === "REVEAL")));
    const reveal = adaSees?.room.reveal;
    expect(reveal?.correctChoiceId).toBe(rightId);
    expect(reveal?.explanation.length).toBeGreaterThan(10);
    expect(reveal?.citations.length).toBeGreaterThan(0);
    expect(reveal?.citations[0]?.source.title.length).toBeGreaterThan(0);
    expect(reveal?.shares.map((s) => s.choiceId)).toEqual(first.choices.map((c) => c.id));
    expect(reveal?.shares.find((s) => s.choiceId === rightId)).toMatchObject({ count: 1, share: 0.5 });
    expect(reveal?.shares.reduce((sum, s) => sum + s.count, 0)).toBe(2);
    expect(adaSees?.room.myAnswer?.correct).toBe(true);
    const adaPoints = adaSees?.room.myAnswer?.points ?? 0;
    expect(adaPoints).toBeGreaterThanOrEqual(500);
    expect(adaPoints).toBeLessThanOrEqual(1000);
    expect(adaSees?.room.me).toMatchObject({ score: adaPoints, rank: 1, correctCount: 1 });
    expect(bobSees?.room.myAnswer).toMatchObject({ correct: false, points: 0 });
    expect(bobSees?.room.players.map((p) => [p.nickname, p.rank])).toEqual([
      ["Ada", 1],
      ["Bob", 2],
      ["Cy", 2],
    ]);

    // The next two questions; on the second everyone answers, which closes it without the host.
    for (let index = 1; index < 3; index++) {
      const view = await call<View>(control("nextQuestion"), { code: host.code, token: host.token });
      expect(view.questionIndex).toBe(index);
      const question = view.question;
      if (!question) throw new Error("no question");
      expect((await refusal(ANSWER, { code: host.code, token: bob.token, question: first.id, choice: rightId })).reason).toBe("LATE_ANSWER");
      const answer = right.get(question.id) as string;
      await Promise.all(screens.map((s) => s.until((d) => d.room.questionIndex === index && d.room.phase === "QUESTION")));
      for (const player of index === 1 ? [ada, bob, cy] : [ada]) {
        await call(ANSWER, { code: host.code, token: player.token, question: question.id, choice: player === cy ? (question.choices.find((c) => c.id !== answer)?.id as string) : answer });
      }
      if (index === 2) await call(control("revealAnswer"), { code: host.code, token: host.token });
      const closed = await hostScreen.until((d) => d.room.questionIndex === index && d.room.phase === "REVEAL");
      expect(closed.room.answeredCount).toBe(index === 1 ? 3 : 1);
    }
    const done = await call<View>(control("nextQuestion"), { code: host.code, token: host.token });
    expect(done.phase).toBe("FINISHED");
    expect(done.podium.map((p) => p.nickname)).toEqual(["Ada", "Bob", "Cy"]);
    const [adaEnd, bobEnd, cyEnd] = await Promise.all(screens.map((s) => s.until((d) => d.room.phase === "FINISHED")));
    expect(adaEnd?.room.me).toMatchObject({ rank: 1, correctCount: 3 });
    expect(adaEnd?.room.missed).toEqual([]);
    expect(bobEnd?.room.me?.correctCount).toBe(1);
    expect(bobEnd?.room.missed.length).toBeGreaterThan(0);
    expect(cyEnd?.room.missed.length).toBeGreaterThanOrEqual(bobEnd?.room.missed.length ?? 0);
    expect(bobEnd?.room.podium).toEqual(done.podium);
    // "Review what you missed": those concepts as a deck of their own.
    const missed = new Set(bobEnd?.room.missed.map((c) => c.slug));
    const deck = await call<{ concept: { slug: string } }[]>(`query ($deck: String) { flashcards(deck: $deck, first: 50) { concept { slug } } }`, { deck: `concepts:${[...missed].join(",")}` });
    expect(deck.length).toBeGreaterThan(0);
    expect(deck.every((card) => missed.has(card.concept.slug))).toBe(true);

    // Joining or answering a finished room is refused; the results stay for the host alone.
    expect((await refusal(JOIN, { code: host.code, nickname: "Dee" })).reason).toBe("ROOM_FINISHED");
    expect((await refusal(CSV, { code: host.code, token: bob.token })).reason).toBe("NOT_HOST");
    const csv = await call<string>(CSV, { code: host.code, token: host.token });
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("rank,player,score,right answers,Q1 answer,Q1 right,Q1 points,Q2 answer,Q2 right,Q2 points,Q3 answer,Q3 right,Q3 points");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(new RegExp(`^1,Ada,${adaEnd?.room.me?.score},3,`));
    expect(lines[3]).toMatch(/^3,Cy,0,0,,,,/);

    for (const screen of [hostScreen, ...screens]) screen.close();
  });

  it("refuses unknown and closed codes, bad nicknames and foreign tokens", async () => {
    expect((await refusal(JOIN, { code: "CCCCCC", nickname: "Ada" })).reason).toBe("UNKNOWN_ROOM");
    expect((await refusal(JOIN, { code: "not a code", nickname: "Ada" })).reason).toBe("UNKNOWN_ROOM");
    const host = await call<Session>(OPEN, { kind: "DEFINITION", count: 2, seed: 3 });
    expect(host.room.seconds).toBe(20);
    const other = await call<Session>(OPEN, { kind: "DEFINITION", count: 2, seed: 3 });
    expect(other.code).not.toBe(host.code);
    expect((await refusal(ROOM, { code: host.code, token: other.token })).reason).toBe("NOT_IN_ROOM");
    expect((await refusal(JOIN, { code: host.code, nickname: "   " })).message).toMatch(/nickname/);
    expect((await refusal(JOIN, { code: host.code, nickname: "x".repeat(21) })).message).toMatch(/nickname/);
    const { body } = await api.server.graphql(OPEN, { seconds: 2 });
    expect(body.errors?.[0]?.message).toMatch(/seconds/);
    await call(control("closeRoom"), { code: host.code, token: host.token });
    expect((await refusal(JOIN, { code: host.code, nickname: "Ada" })).reason).toBe("ROOM_CLOSED");
    expect((await refusal(control("startRoom"), { code: host.code, token: host.token })).reason).toBe("ROOM_CLOSED");
    const subscription = subscribe(api.server.url, SUBSCRIBE, { code: "CCCCCC", token: host.token });
    const result = await subscription.next();
    expect(result.errors?.[0]?.extensions?.reason).toBe("UNKNOWN_ROOM");
    subscription.close();
  });

  it("counts a class's answers per seat, not against the one school address the whole class shares", async () => {
    const host = await call<Session>(OPEN, { kind: "TRUE_FALSE", count: 2, seed: 5, seconds: 120 });
    const seats = [];
    for (const nickname of ["Ada", "Bob", "Cy"]) seats.push(await call<Session>(JOIN, { code: host.code, nickname }));
    const started = await call<View>(control("startRoom"), { code: host.code, token: host.token });
    const question = started.question?.id;
    const choice = started.question?.choices[0]?.id;
    // 3 seats x 210 answers from one address: over its 600 changes a minute, under each seat's 240.
    const statuses = new Map<number, number>();
    for (const seat of seats) {
      for (let i = 0; i < 210; i++) {
        const { status } = await api.server.graphql(ANSWER, { code: host.code, token: seat.token, question, choice });
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }
    expect(statuses.get(429)).toBeUndefined();
    // The first answer of each seat counted; the others were refused as second answers, not as floods.
    const view = await call<View>(ROOM, { code: host.code, token: host.token });
    expect(view.answeredCount).toBe(3);
    // A seat hammering on its own is still stopped.
    let limited = false;
    for (let i = 0; i < 40 && !limited; i++) limited = (await api.server.graphql(ANSWER, { code: host.code, token: seats[0]?.token, question, choice })).status === 429;
    expect(limited).toBe(true);
  }, 120_000);

  it("closes a question when its countdown runs out, with nobody writing it down", async () => {
    const host = await call<Session>(OPEN, { kind: "TRUE_FALSE", count: 2, seed: 5, seconds: 5 });
    const ada = await call<Session>(JOIN, { code: host.code, nickname: "Ada" });
    await call(JOIN, { code: host.code, nickname: "Bob" });
    const screen = watch(ada);
    const started = await call<View>(control("startRoom"), { code: host.code, token: host.token });
    const question = started.question;
    if (!question) throw new Error("no question");
    await screen.until((d) => d.room.phase === "QUESTION");
    // Nobody answers: the subscription itself turns the page when the deadline passes.
    const closed = await screen.until((d) => d.room.phase === "REVEAL");
    expect(closed.room.questionIndex).toBe(0);
    expect(closed.room.reveal?.shares.every((s) => s.count === 0)).toBe(true);
    expect((await refusal(ANSWER, { code: host.code, token: ada.token, question: question.id, choice: question.choices[0]?.id })).reason).toBe("LATE_ANSWER");
    expect((await call<View>(ROOM, { code: host.code, token: host.token })).phase).toBe("REVEAL");
    expect((await call<View>(control("nextQuestion"), { code: host.code, token: host.token })).questionIndex).toBe(1);
    screen.close();
  });

  it("replays the same quiz in a new room with every seat kept", async () => {
    const host = await call<Session>(OPEN, { kind: "DEFINITION", count: 1, seed: 9 });
    const ada = await call<Session>(JOIN, { code: host.code, nickname: "Ada" });
    const started = await call<View>(control("startRoom"), { code: host.code, token: host.token });
    await call(ANSWER, { code: host.code, token: ada.token, question: started.question?.id, choice: started.question?.choices[0]?.id });
    await call(control("nextQuestion"), { code: host.code, token: host.token });
    const screen = watch(ada);
    await screen.until((d) => d.room.phase === "FINISHED");
    const replay = await call<Session>(REPLAY, { code: host.code, token: host.token });
    expect(replay.code).not.toBe(host.code);
    expect(replay.room.phase).toBe("LOBBY");
    expect(replay.room.players).toEqual([{ nickname: "Ada", score: 0, rank: 1, answered: false, correctCount: 0 }]);
    expect((await screen.until((d) => d.room.replayCode !== null)).room.replayCode).toBe(replay.code);
    // The same tokens work in the new room, for the same seats.
    expect((await call<View>(ROOM, { code: replay.code, token: ada.token })).me?.nickname).toBe("Ada");
    const again = await call<View>(control("startRoom"), { code: replay.code, token: replay.token });
    expect(again.question?.id).toBe(started.question?.id);
    screen.close();
  });

  it("answers every room operation of the web app within the server's limits (depth, cost)", async () => {
    const ok = <T,>(response: { body: { data?: T; errors?: unknown } }): T => {
      expect(response.body.errors).toBeUndefined();
      return response.body.data as T;
    };
    const { openRoom: host } = ok(await api.server.graphql(OpenRoomDocument, { kind: "MIXED", count: 2, seconds: 30 }));
    expect(host.room.players).toEqual([]);
    const { joinRoom: ada } = ok(await api.server.graphql(JoinRoomDocument, { code: host.code, nickname: "Ada" }));
    // A phone's view carries the top of the leaderboard, not the whole class.
    expect(ada.room).not.toHaveProperty("players");
    expect(ada.room.playerCount).toBe(1);
    const seats = { code: host.code, token: host.token };
    const phone = subscribe<{ room: RoomViewFieldsFragment }>(api.server.url, RoomUpdatesDocument.toString(), { code: host.code, token: ada.token });
    const projector = subscribe<{ room: RoomViewFieldsFragment }>(api.server.url, HostRoomUpdatesDocument.toString(), seats);
    const { startRoom } = ok(await api.server.graphql(StartRoomDocument, seats));
    const question = startRoom.question;
    if (!question) throw new Error("no question");
    await phone.until((d) => d.room.phase === "QUESTION");
    ok(await api.server.graphql(AnswerRoomQuestionDocument, { code: host.code, token: ada.token, questionId: question.id, choiceId: question.choices[0]?.id ?? "" }));
    expect((await phone.until((d) => d.room.phase === "REVEAL")).room.leaderboard[0]?.nickname).toBe("Ada");
    ok(await api.server.graphql(RevealAnswerDocument, seats));
    ok(await api.server.graphql(NextQuestionDocument, seats));
    ok(await api.server.graphql(RevealAnswerDocument, seats));
    expect(ok(await api.server.graphql(NextQuestionDocument, seats)).nextQuestion.phase).toBe("FINISHED");
    await projector.until((d) => d.room.phase === "FINISHED");
    expect(ok(await api.server.graphql(RoomResultsCsvDocument, seats)).roomResultsCsv).toMatch(/^rank,player/);
    expect(ok(await api.server.graphql(ReplayRoomDocument, seats)).replayRoom.room.players).toHaveLength(1);
    expect(ok(await api.server.graphql(CloseRoomDocument, seats)).closeRoom.phase).toBe("CLOSED");
    phone.close();
    projector.close();
  });
});

/**
 * The live-room benchmark: one room, a host and N players (200 by default), each player holding the
 * room's subscription over server-sent events as the app does. For each question it times, from the
 * moment the host sends "next" (the first question: "start") to the moment each player's stream
 * delivers that question; then every player answers (which closes the question) and the host moves
 * on. The players' answers each come from an address of their own (the server trusts one proxy hop
 * here), as phones on a school network behind a proxy would.
 */
import { performance } from "node:perf_hooks";
import { readSseEvents } from "../../web/app/api/sse-events.ts";
import { JoinRoomDocument, NextQuestionDocument, OpenRoomDocument, RoomUpdatesDocument, StartRoomDocument, AnswerRoomQuestionDocument } from "../../web/app/api/generated/graphql.ts";

export interface RoomBenchOptions {
  url: string;
  players: number;
  questions: number;
}

export interface RoomBenchResult {
  players: number;
  questions: number;
  /** Every player's delay for every question, in ms. */
  deliveries: number[];
  /** Per question, the delay until the last player held it, in ms. */
  lastPlayer: number[];
  /** Per question, how long the host's own call took to answer, in ms. */
  hostCall: number[];
  /** Players who missed a question's delivery (should be 0). */
  missed: number;
}

type View = { phase: string; questionIndex?: number | null; question?: { id: string; choices: { id: string }[] } | null };

async function post<T>(url: string, query: string, variables: Record<string, unknown>, address: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", "x-forwarded-for": address },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, T>; errors?: { message: string }[] };
  if (body.errors || !body.data) throw new Error(`room call failed: ${JSON.stringify(body.errors)}`);
  return Object.values(body.data)[0] as T;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export async function roomBenchmark(options: RoomBenchOptions): Promise<RoomBenchResult> {
  const { url } = options;
  const hostAddress = "10.0.0.1";
  const host = await post<{ code: string; token: string; room: { questionCount: number } }>(url, OpenRoomDocument.toString(), { kind: "MIXED", count: options.questions, seconds: 120 }, hostAddress);
  const questions = host.room.questionCount;
  const addressOf = (i: number) => `10.1.${Math.floor(i / 250)}.${(i % 250) + 1}`;
  const seats: string[] = [];
  for (let i = 0; i < options.players; i++) {
    const joined = await post<{ token: string }>(url, JoinRoomDocument.toString(), { code: host.code, nickname: `player ${i + 1}` }, addressOf(i));
    seats.push(joined.token);
  }

  // When each player's stream first delivered each question, and whom each question still waits for.
  const arrivals: number[][] = Array.from({ length: questions }, () => []);
  const views: View[] = [];
  const waiting = new Map<number, { left: number; done: () => void }>();
  const controllers: AbortController[] = [];
  let lobby = 0;
  let allInLobby: () => void = () => {};
  const lobbyReached = new Promise<void>((resolve) => (allInLobby = resolve));
  seats.forEach((token, player) => {
    const controller = new AbortController();
    controllers.push(controller);
    let seen = -1;
    let inLobby = false;
    void (async () => {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream" },
        body: JSON.stringify({ query: RoomUpdatesDocument.toString(), variables: { code: host.code, token } }),
        signal: controller.signal,
      });
      if (!response.body) throw new Error("no stream");
      await readSseEvents(response.body, (event, data) => {
        if (event !== "next") return;
        const now = performance.now();
        const view = (JSON.parse(data) as { data?: { room: View } }).data?.room;
        if (!view) return;
        views[player] = view;
        if (!inLobby && view.phase === "LOBBY") {
          inLobby = true;
          if (++lobby === seats.length) allInLobby();
        }
        const index = view.questionIndex ?? -1;
        if (view.phase === "QUESTION" && index > seen) {
          seen = index;
          arrivals[index]?.push(now);
          const wait = waiting.get(index);
          if (wait && --wait.left === 0) wait.done();
        }
      });
    })().catch((error: unknown) => {
      if (!controller.signal.aborted) console.error(`player ${player + 1}'s stream failed: ${String(error)}`);
    });
  });
  await lobbyReached;

  const deliveries: number[] = [];
  const lastPlayer: number[] = [];
  const hostCall: number[] = [];
  let missed = 0;
  for (let index = 0; index < questions; index++) {
    const held = new Promise<void>((done) => waiting.set(index, { left: seats.length, done }));
    const sent = performance.now();
    await post(url, (index === 0 ? StartRoomDocument : NextQuestionDocument).toString(), { code: host.code, token: host.token }, hostAddress);
    hostCall.push(performance.now() - sent);
    // Every player holds it within a minute, or the ones who do not are counted as missed.
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 60_000).unref());
    await Promise.race([held, timeout]);
    const times = (arrivals[index] ?? []).map((at) => at - sent);
    missed += seats.length - times.length;
    deliveries.push(...times);
    lastPlayer.push(Math.max(...times));
    // Everyone answers (the first choice), which closes the question for the next round.
    await Promise.all(
      seats.map((token, player) => {
        const question = views[player]?.question;
        return post(url, AnswerRoomQuestionDocument.toString(), { code: host.code, token, questionId: question?.id, choiceId: question?.choices[0]?.id }, addressOf(player));
      }),
    );
  }
  for (const controller of controllers) controller.abort();
  return { players: seats.length, questions, deliveries, lastPlayer, hostCall, missed };
}

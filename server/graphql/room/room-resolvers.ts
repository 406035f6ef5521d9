/** Live quiz rooms: the host's and players' calls, and the subscription that keeps their screens current. */
import { answerRoomQuestion } from "../../rooms/answer-room-question.ts";
import { closeRoom, nextQuestion, revealAnswer, startRoom } from "../../rooms/host-controls.ts";
import { joinRoom } from "../../rooms/join-room.ts";
import { insertRoom, newRoomOf } from "../../rooms/open-room.ts";
import { replayRoom } from "../../rooms/replay-room.ts";
import { roomResultsCsv } from "../../rooms/room-results-csv.ts";
import { findSeat, newRoomToken, requireHost, requirePlayer } from "../../rooms/room-seat.ts";
import { snapshotOf } from "../../rooms/room-snapshot.ts";
import { roomStream } from "../../rooms/room-stream.ts";
import { roomView, type RoomViewRow } from "../../rooms/room-view.ts";
import type { QuizKind } from "../../study/quiz/quiz-question.ts";
import { badInput, intInRange, textOfLength } from "../bad-input.ts";
import type { GraphContext } from "../context.ts";
import { makeQuiz } from "../quiz/make-quiz.ts";
import type { Resolvers } from "../resolver-types.generated.ts";

type HostControl = (context: GraphContext, room: Awaited<ReturnType<typeof requireHost>>) => Promise<void>;

/** A host's control: checked to be the host's, applied, told to every screen, and the host's view returned. */
function hostControl(action: string, apply: HostControl) {
  return async (_: unknown, args: { code: string; token: string }, context: GraphContext): Promise<RoomViewRow> => {
    const room = await requireHost(context.db, args.code, args.token, action);
    await apply(context, room);
    const snapshot = await context.rooms.publish(room.id);
    return roomView(snapshot, { role: "HOST" }, context.now.getTime());
  };
}

function nickname(value: string): string {
  const text = textOfLength("nickname", value, 1, 20);
  if (/\p{Cc}/u.test(text)) throw badInput("`nickname` must not contain control characters.");
  return text;
}

export const roomResolvers: Resolvers = {
  Query: {
    room: async (_, args, context) => {
      const seat = await findSeat(context.db, args.code, args.token);
      return roomView(await snapshotOf(context.db, seat.room), seat.viewer, context.now.getTime());
    },
    roomResultsCsv: async (_, args, context) => {
      const room = await requireHost(context.db, args.code, args.token, "download the results");
      return roomResultsCsv(context.db, await snapshotOf(context.db, room), context.now.getTime());
    },
  },
  Mutation: {
    openRoom: async (_, args, context) => {
      const seconds = intInRange("seconds", args.seconds, 5, 120, 20);
      const quiz = await makeQuiz(context, { kind: args.kind ?? "MIXED", count: args.count, seed: args.seed, topic: args.topic });
      const token = newRoomToken();
      const room = await insertRoom(context.db, newRoomOf(quiz, seconds, token));
      const snapshot = await context.rooms.publish(room.id);
      return { code: room.code, token, role: "HOST", room: roomView(snapshot, { role: "HOST" }, context.now.getTime()) };
    },
    joinRoom: async (_, args, context) => {
      const joined = await joinRoom(context.db, args.code, nickname(args.nickname));
      const snapshot = await context.rooms.publish(joined.room.id);
      const view = roomView(snapshot, { role: "PLAYER", playerId: joined.playerId }, context.now.getTime());
      return { code: joined.room.code, token: joined.token, role: "PLAYER", room: view };
    },
    startRoom: hostControl("start the quiz", (context, room) => startRoom(context.db, room, context.now)),
    revealAnswer: hostControl("reveal the answer", (context, room) => revealAnswer(context.db, room, context.now)),
    nextQuestion: hostControl("move to the next question", (context, room) => nextQuestion(context.db, room, context.now)),
    closeRoom: hostControl("close the room", (context, room) => closeRoom(context.db, room)),
    answerRoomQuestion: async (_, args, context) => {
      const { room, playerId } = await requirePlayer(context.db, args.code, args.token);
      await answerRoomQuestion(context.db, room, playerId, { questionId: args.questionId, choiceId: args.choiceId }, context.now);
      const snapshot = await context.rooms.publish(room.id);
      const answer = roomView(snapshot, { role: "PLAYER", playerId }, context.now.getTime()).myAnswer;
      if (!answer) throw new Error("a saved answer is missing from its room");
      return answer;
    },
    replayRoom: async (_, args, context) => {
      const room = await requireHost(context.db, args.code, args.token, "replay the quiz");
      const made = await replayRoom(context.db, room, args.token);
      const [snapshot] = await Promise.all([context.rooms.publish(made.id), context.rooms.publish(room.id)]);
      return { code: made.code, token: args.token, role: "HOST", room: roomView(snapshot, { role: "HOST" }, context.now.getTime()) };
    },
  },
  Subscription: {
    room: {
      subscribe: async (_, args, context) => {
        const seat = await findSeat(context.db, args.code, args.token);
        return roomStream(context.db, context.rooms, seat.room.id, seat.viewer);
      },
      resolve: (view: RoomViewRow) => view,
    },
  },
  RoomView: {
    kind: (view) => view.kind as QuizKind,
    playerCount: (view) => view.players.length,
    leaderboard: (view, args) => view.players.slice(0, intInRange("first", args.first, 1, 300, 10)),
    missed: async (view, _, { loaders }) => {
      if (view.missed.length === 0) return [];
      const found = await Promise.all(view.missed.map((slug) => loaders.conceptBySlug.load(slug)));
      return found.filter((concept) => concept !== null);
    },
  },
  RoomQuestion: {
    kind: (question) => question.kind as QuizKind,
    concept: (question, _, { loaders }) => loaders.conceptBySlug.load(question.subject),
  },
  RoomReveal: {
    citations: (reveal) => reveal.citations.map((c) => ({ ...c, passage: undefined })),
  },
};

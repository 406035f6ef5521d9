/**
 * One viewer's share of a room snapshot: the host sees who answered, a player sees their own
 * answer; nobody sees the right answer or any result while the question is open, and scores grow
 * only once a question is revealed (a jump in someone's score would give the answer away).
 */
import type { RoomQuestionData } from "../../schema/index.ts";
import { roomPhase, type RoomPhase } from "./room-phase.ts";
import type { RoomSnapshot, SnapshotAnswer } from "./room-snapshot.ts";

export type RoomViewer = { role: "HOST" } | { role: "PLAYER"; playerId: number };

export interface RoomPlayerView {
  nickname: string;
  score: number;
  rank: number;
  answered: boolean;
  correctCount: number;
}

export interface RoomAnswerView {
  questionId: string;
  choiceId: string;
  correct: boolean | null;
  points: number | null;
}

export interface RoomRevealView {
  correctChoiceId: string;
  shares: { choiceId: string; count: number; share: number }[];
  explanation: string;
  citations: { sourceId: string; locator: string }[];
}

export interface RoomViewRow {
  code: string;
  role: "HOST" | "PLAYER";
  phase: RoomPhase;
  kind: string;
  seed: number;
  topic: string | null;
  seconds: number;
  questionCount: number;
  questionIndex: number | null;
  question: RoomQuestionData | null;
  startedAt: string | null;
  endsAt: string | null;
  remainingMs: number | null;
  /** Null in a player's view while the question is open. */
  answeredCount: number | null;
  players: RoomPlayerView[];
  me: RoomPlayerView | null;
  myAnswer: RoomAnswerView | null;
  reveal: RoomRevealView | null;
  podium: RoomPlayerView[];
  /** Slugs of the concepts a player missed (once the quiz is over). */
  missed: string[];
  replayCode: string | null;
  version: number;
}

interface Standing {
  players: RoomPlayerView[];
  /** The same with `answered` left out (false), for players while the question is open. */
  unanswered: RoomPlayerView[];
  /** Each player's entry in `players`, by player id. */
  byId: Map<number, RoomPlayerView>;
}

/**
 * The ranked list is the same for every viewer: made once per snapshot (and whether the current
 * question counts yet), not once for each of the hundreds of players a room event goes to.
 */
const standings = new WeakMap<RoomSnapshot, Map<boolean, Standing>>();

function standing(snapshot: RoomSnapshot, revealed: boolean): Standing {
  let perSnapshot = standings.get(snapshot);
  if (!perSnapshot) standings.set(snapshot, (perSnapshot = new Map()));
  const known = perSnapshot.get(revealed);
  if (known) return known;
  const scored = snapshot.players.map((p) => {
    const answer = revealed ? snapshot.current[String(p.id)] : undefined;
    return {
      id: p.id,
      nickname: p.nickname,
      score: p.scoreBefore + (answer?.points ?? 0),
      correctCount: p.correctBefore + (answer?.correct ? 1 : 0),
      answered: snapshot.current[String(p.id)] !== undefined,
    };
  });
  scored.sort((a, b) => b.score - a.score || a.nickname.localeCompare(b.nickname) || a.id - b.id);
  const byId = new Map<number, RoomPlayerView>();
  const players = scored.map((p, index) => {
    const previous = scored[index - 1];
    const rank: number = previous && previous.score === p.score ? (byId.get(previous.id)?.rank ?? index + 1) : index + 1;
    const view = { nickname: p.nickname, score: p.score, rank, answered: p.answered, correctCount: p.correctCount };
    byId.set(p.id, view);
    return view;
  });
  const made = { players, unanswered: players.map((p) => ({ ...p, answered: false })), byId };
  perSnapshot.set(revealed, made);
  return made;
}

export function roomView(snapshot: RoomSnapshot, viewer: RoomViewer, now: number): RoomViewRow {
  const phase = roomPhase(snapshot.status, snapshot.endsAt, now);
  const question = snapshot.currentIndex >= 0 ? (snapshot.questions[snapshot.currentIndex] ?? null) : null;
  // A finished or closed room shows its last question's results too.
  const revealed = question !== null && phase !== "QUESTION";
  const { players, unanswered, byId } = standing(snapshot, revealed);
  // Who has answered is the host's to show while the question is open (players' screens would
  // otherwise change with every answer in the room).
  const hideAnswered = viewer.role === "PLAYER" && !revealed;
  const answers = Object.values(snapshot.current);
  const myRaw = viewer.role === "PLAYER" ? snapshot.current[String(viewer.playerId)] : undefined;
  const me = viewer.role === "PLAYER" ? (byId.get(viewer.playerId) ?? null) : null;
  const finished = phase === "FINISHED" || phase === "CLOSED";
  const player = viewer.role === "PLAYER" ? snapshot.players.find((p) => p.id === viewer.playerId) : undefined;
  return {
    code: snapshot.code,
    role: viewer.role,
    phase,
    kind: snapshot.kind,
    seed: snapshot.seed,
    topic: snapshot.topic,
    seconds: snapshot.seconds,
    questionCount: snapshot.questions.length,
    questionIndex: question ? snapshot.currentIndex : null,
    question,
    startedAt: question ? snapshot.startedAt : null,
    endsAt: question ? snapshot.endsAt : null,
    remainingMs: question ? (phase === "QUESTION" && snapshot.endsAt ? Math.max(0, new Date(snapshot.endsAt).getTime() - now) : 0) : null,
    answeredCount: hideAnswered ? null : answers.length,
    players: hideAnswered ? unanswered : players,
    me: me && hideAnswered ? { ...me, answered: myRaw !== undefined } : me,
    myAnswer:
      question && myRaw
        ? { questionId: question.id, choiceId: myRaw.choiceId, correct: revealed ? myRaw.correct : null, points: revealed ? myRaw.points : null }
        : null,
    reveal: revealed && question ? revealOf(question, answers) : null,
    podium: finished ? players.slice(0, 3) : [],
    missed: finished && player ? missedConcepts(snapshot, new Set(player.rightIndexes)) : [],
    replayCode: snapshot.replayCode,
    version: snapshot.version,
  };
}

/**
 * What tells two views of one viewer apart, besides the countdown: a subscriber pushes a view only
 * when this changes. Scores change only when a question closes; names only when someone joins.
 */
export function viewKey(view: RoomViewRow): string {
  return [view.phase, view.questionIndex, view.myAnswer?.choiceId, view.replayCode, view.players.length, view.answeredCount].join("|");
}

function revealOf(question: RoomQuestionData, answers: SnapshotAnswer[]): RoomRevealView {
  return {
    correctChoiceId: question.correctChoiceId,
    shares: question.choices.map((choice) => {
      const count = answers.filter((a) => a.choiceId === choice.id).length;
      return { choiceId: choice.id, count, share: answers.length ? count / answers.length : 0 };
    }),
    explanation: question.explanation,
    citations: question.citations,
  };
}

/** The concepts of the questions asked that the player did not get right, each once. */
function missedConcepts(snapshot: RoomSnapshot, right: Set<number>): string[] {
  const asked = snapshot.questions.slice(0, snapshot.currentIndex + 1);
  return [...new Set(asked.filter((_, index) => !right.has(index)).map((q) => q.subject))];
}

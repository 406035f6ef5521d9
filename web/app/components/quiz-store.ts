/**
 * A quiz as a flow: the quiz and answer calls, errors worded for people, and
 * the learner's progress through a quiz kept in localStorage under the signed
 * quiz id, so a reload resumes where it stopped and a finished quiz shows its
 * results again. A quiz can be taken in rounds: the first has every question,
 * a retry only those the round before it missed (the question ids belong to
 * the quiz, so grading with the same quiz id works).
 */
import { ApiError, gql } from "../api/graphql.ts";
import { AnswerDocument, QuizDocument, WeakSpotsQuizDocument, type AnswerMutation, type QuizFieldsFragment, type QuizKind } from "../api/generated/graphql.ts";

export type Quiz = QuizFieldsFragment;
export type Question = Quiz["questions"][number];
export type Choice = Question["choices"][number];
export type AnswerResult = AnswerMutation["answer"];
export type Citation = AnswerResult["citations"][number];
export type Given = { choiceId: string; result: AnswerResult };
export type Round = { questionIds: string[]; given: Record<string, Given> };
/** `quiz` is kept only for quizzes that cannot be asked for again by their settings (weak spots). */
export type QuizProgress = { rounds: Round[]; quiz?: Quiz; updated: number };


/** The quiz these settings always give. */
export async function fetchQuiz(spec: { kind: string; count: number; seed: number; topic?: string }): Promise<Quiz> {
  try {
    // The kind comes from the address unchecked: the server rejects an unknown one, and gql words that for people.
    return (await gql(QuizDocument, { ...spec, kind: spec.kind as QuizKind }, { auth: true })).quiz;
  } catch (error) {
    throw humane(error, {
      BAD_USER_INPUT: "No quiz can be made with these settings: the topic may have too few questions of this kind, or it no longer exists. Pick another kind or topic on the quiz page.",
      other: "The quiz could not be made just now. Try again in a moment.",
    });
  }
}

export class NoHistoryYet extends Error {
  constructor() {
    super("No weak spots yet: they come from the flashcards you review and the quiz questions you miss.");
  }
}

/** A quiz on the learner's least-retained concepts and missed questions; kept in this browser, since it cannot be asked for again. */
export async function fetchWeakSpotsQuiz(kind: string, count: number): Promise<Quiz> {
  let quiz: Quiz;
  try {
    quiz = (await gql(WeakSpotsQuizDocument, { kind: kind as QuizKind, count }, { auth: true })).weakSpotsQuiz;
  } catch (error) {
    // Bad input means either no history yet or, for this kind, no question on the learner's weak spots.
    if (error instanceof ApiError && error.code === "BAD_USER_INPUT" && /no weak spots|no history/i.test(error.message)) throw new NoHistoryYet();
    throw humane(error, {
      BAD_USER_INPUT: "There are no questions of this kind on your weak spots yet. Pick another kind (Mixed has the most).",
      other: "Your weak-spots quiz could not be made just now. Try again in a moment.",
    });
  }
  const progress = readProgress(quiz) ?? { rounds: [firstRound(quiz)], updated: Date.now() };
  writeProgress(quiz.id, { ...progress, quiz });
  return quiz;
}

/** Grades one answer on the server. */
export async function gradeAnswer(quizId: string, questionId: string, choiceId: string): Promise<AnswerResult> {
  try {
    return (await gql(AnswerDocument, { quizId, questionId, choiceId }, { auth: true })).answer;
  } catch (error) {
    throw humane(error, {
      BAD_USER_INPUT: "This quiz no longer matches Graphdeck's questions (they have changed since it was made), so it cannot be graded. Start a new quiz.",
      other: "Your answer could not be checked just now. Choose again to retry.",
    });
  }
}

/** The client's own messages (offline, HTTP) are already for people; the API's wording never reaches the page. */
function humane(error: unknown, messages: { BAD_USER_INPUT?: string; other: string }): Error {
  if (error instanceof ApiError) {
    if (error.code === "OFFLINE" || error.code === "HTTP") return error;
    if (error.code === "BAD_USER_INPUT" && messages.BAD_USER_INPUT) return new ApiError(messages.BAD_USER_INPUT, error.code);
    return new ApiError(messages.other, error.code);
  }
  return new Error(messages.other);
}

// Progress in localStorage.

const PREFIX = "graphdeck.quiz:";
const KEEP = 25;

export function firstRound(quiz: Quiz): Round {
  return { questionIds: quiz.questions.map((q) => q.id), given: {} };
}

function isProgress(value: unknown): value is QuizProgress {
  if (typeof value !== "object" || value === null) return false;
  const rounds = (value as { rounds?: unknown }).rounds;
  return Array.isArray(rounds) && rounds.length > 0 && rounds.every((r: unknown) => typeof r === "object" && r !== null && Array.isArray((r as Round).questionIds) && typeof (r as Round).given === "object");
}

function readRaw(quizId: string): QuizProgress | undefined {
  try {
    const text = localStorage.getItem(PREFIX + quizId);
    if (!text) return undefined;
    const value: unknown = JSON.parse(text);
    return isProgress(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A quiz kept in this browser by its id (weak-spots quizzes), or undefined. */
export function savedQuiz(quizId: string): Quiz | undefined {
  return readRaw(quizId)?.quiz;
}

/** The progress kept for this quiz, if it still fits the quiz (a re-seed may have changed its questions). */
export function readProgress(quiz: Quiz): QuizProgress | undefined {
  const progress = readRaw(quiz.id);
  if (!progress) return undefined;
  const ids = new Set(quiz.questions.map((q) => q.id));
  const fits = progress.rounds.every((round) => round.questionIds.every((id) => ids.has(id)) && Object.keys(round.given).every((id) => ids.has(id)));
  return fits ? progress : undefined;
}

export function writeProgress(quizId: string, progress: QuizProgress): void {
  const text = JSON.stringify({ ...progress, updated: Date.now() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      localStorage.setItem(PREFIX + quizId, text);
      prune(quizId);
      return;
    } catch {
      // Full (or private mode): make room once by forgetting the oldest quizzes, then give up quietly.
      if (attempt === 0) prune(quizId, 5);
    }
  }
}

/** Keeps the most recently used quizzes only. */
function prune(keep: string, max = KEEP): void {
  try {
    const entries: { key: string; updated: number }[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(PREFIX) || key === PREFIX + keep) continue;
      entries.push({ key, updated: readRaw(key.slice(PREFIX.length))?.updated ?? 0 });
    }
    entries.sort((a, b) => b.updated - a.updated);
    for (const entry of entries.slice(Math.max(0, max - 1))) localStorage.removeItem(entry.key);
  } catch {
    // Storage unavailable: nothing to prune.
  }
}

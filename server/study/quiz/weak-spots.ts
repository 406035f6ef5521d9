/**
 * A learner's weak spots: the concepts of the cards they are least likely to
 * recall now (FSRS retrievability), and of the quiz questions they missed
 * lately. A weak-spots quiz is an ordinary quiz restricted to these concepts.
 */
import { and, asc, desc, eq, gt } from "drizzle-orm";
import { cardStates, quizAnswers } from "../../../schema/index.ts";
import type { Db } from "../../db/connect.ts";
import type { StudyGraphs } from "../study-graphs.ts";
import { cardFromRow, scheduler } from "../scheduling/fsrs-scheduler.ts";
import { UnknownTopicError } from "./generate-quiz.ts";
import { decodeQuizId } from "./quiz-id.ts";

const MOST_CONCEPTS = 12;
const CARDS_LOOKED_AT = 500;
const MISSED_LOOKED_AT = 40;

export async function weakSpots(db: Db, study: StudyGraphs, quizKey: string, learnerId: number, now: Date): Promise<string[]> {
  const found = new Set<string>();

  const states = await db
    .select()
    .from(cardStates)
    .where(and(eq(cardStates.learnerId, learnerId), gt(cardStates.reps, 0)))
    .orderBy(asc(cardStates.due))
    .limit(CARDS_LOOKED_AT);
  const weakest = states
    .map((row) => ({ cardId: row.cardId, recall: scheduler.get_retrievability(cardFromRow(row), now, false) }))
    .sort((a, b) => a.recall - b.recall);
  const cards = await study.cardsById(weakest.map((w) => w.cardId));
  for (const { cardId } of weakest) {
    if (found.size >= MOST_CONCEPTS / 2) break;
    const subject = cards.get(cardId)?.subject;
    if (subject) found.add(subject);
  }

  const missed = await db
    .select({ quizId: quizAnswers.quizId, questionId: quizAnswers.questionId })
    .from(quizAnswers)
    .where(and(eq(quizAnswers.learnerId, learnerId), eq(quizAnswers.correct, false)))
    .orderBy(desc(quizAnswers.answeredAt))
    .limit(MISSED_LOOKED_AT);
  const byQuiz = new Map<string, Set<string>>();
  for (const row of missed) byQuiz.set(row.quizId, (byQuiz.get(row.quizId) ?? new Set()).add(row.questionId));
  for (const [quizId, questionIds] of byQuiz) {
    if (found.size >= MOST_CONCEPTS) break;
    let spec;
    try {
      spec = decodeQuizId(quizKey, quizId);
    } catch {
      continue; // A quiz signed with an older key: nothing to learn from it.
    }
    let questions;
    try {
      questions = (await study.quiz(spec, { keep: false })).questions;
    } catch (error) {
      if (error instanceof UnknownTopicError) continue; // Its topic left the graph.
      throw error;
    }
    for (const q of questions) if (questionIds.has(q.id) && found.size < MOST_CONCEPTS) found.add(q.subject);
  }
  return [...found].sort();
}

/**
 * Opens a room for a generated quiz. The questions are copied in (see schema/room-tables.ts), each
 * with what grading and the reveal need, so the room never depends on the graph again.
 */
import { rooms, type RoomQuestionData } from "../../schema/index.ts";
import type { Db } from "../db/connect.ts";
import type { GeneratedQuiz } from "../study/quiz/generate-quiz.ts";
import type { QuizQuestion } from "../study/quiz/quiz-question.ts";
import { hashToken } from "../study/learners/learner-tokens.ts";
import { newRoomCode } from "./room-code.ts";
import type { RoomRow } from "./room-snapshot.ts";

export function roomQuestion(question: QuizQuestion): RoomQuestionData {
  return {
    id: question.id,
    kind: question.kind,
    prompt: question.prompt,
    choices: question.choices.map((c) => ({ id: c.id, text: c.text })),
    correctChoiceId: question.correctChoiceId,
    subject: question.subject,
    difficulty: question.difficulty,
    explanation: question.explanation,
    citations: question.citations.map((c) => ({ sourceId: c.sourceId, locator: c.locator })),
  };
}

export interface NewRoom {
  kind: string;
  count: number;
  seed: number;
  topic: string | null;
  questions: RoomQuestionData[];
  seconds: number;
  /** The host's token (hashed here). */
  hostToken: string;
}

export function newRoomOf(quiz: GeneratedQuiz, seconds: number, hostToken: string): NewRoom {
  return { kind: quiz.kind, count: quiz.count, seed: quiz.seed, topic: quiz.topic, questions: quiz.questions.map(roomQuestion), seconds, hostToken };
}

/** Inserts the room under a fresh code (drawn again in the rare case it is taken). */
export async function insertRoom(db: Db, room: NewRoom): Promise<RoomRow> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const [made] = await db
      .insert(rooms)
      .values({
        code: newRoomCode(),
        hostTokenHash: hashToken(room.hostToken),
        quizKind: room.kind,
        quizCount: room.count,
        quizSeed: room.seed,
        quizTopic: room.topic,
        questions: room.questions,
        seconds: room.seconds,
      })
      .onConflictDoNothing({ target: rooms.code })
      .returning();
    if (made) return made;
  }
  throw new Error("no free room code after 10 draws");
}

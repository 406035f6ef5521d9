/** What the study resolvers pass around (codegen mappers). */
import type { Card } from "ts-fsrs";
import type { learners } from "../../schema/index.ts";
import type { Deck } from "../study/flashcards/decks.ts";
import type { Flashcard } from "../study/flashcards/generate-flashcards.ts";
import type { Progress, StateCounts } from "../study/progress/learner-progress.ts";
import type { MatchingRound, MatchTerm } from "../study/matching/generate-matching.ts";
import type { GeneratedQuiz } from "../study/quiz/generate-quiz.ts";
import type { Choice, QuizQuestion } from "../study/quiz/quiz-question.ts";
import type { CardProgress } from "../study/scheduling/review-card.ts";
import type { SnapshotCitation } from "../study/graph-snapshot.ts";

export type LearnerRow = typeof learners.$inferSelect;
export type QuizRow = GeneratedQuiz & { id: string };
export type QuestionRow = QuizQuestion;
export interface RatingPreviewRow {
  now: Date;
  cards: Record<"AGAIN" | "HARD" | "GOOD" | "EASY", Card>;
}
export interface AnswerResultRow {
  correct: boolean;
  correctChoiceId: string;
  explanation: string;
  citations: SnapshotCitation[];
  chosenExplanation: string | null;
  chosenCitations: SnapshotCitation[];
  recorded: boolean;
}
export type KindProgressRow = { kind: string } & StateCounts;
export type DeckRow = Deck;
export type FlashcardRow = Flashcard;
export type CardProgressRow = CardProgress;
export type ChoiceRow = Choice;
export type ProgressRow = Progress;
export type MatchingRoundRow = MatchingRound;
export type MatchTermRow = MatchTerm;

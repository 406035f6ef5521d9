/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** How the two sides of a comparison row stand to each other. */
export type Agreement =
  /** Both have entries, none in common. */
  | 'DIFFERENT'
  /** Only `a` has entries. */
  | 'ONLY_A'
  /** Only `b` has entries. */
  | 'ONLY_B'
  /** Both have entries, some in common. */
  | 'OVERLAP'
  /** Both say the same. */
  | 'SAME';

export type DeckKind =
  | 'ALL'
  | 'KIND'
  | 'TOPIC';

export type DiffKind =
  /** Typed, but not in the expected answer. */
  | 'EXTRA'
  /** In the expected answer, not typed. */
  | 'MISSING'
  /** Typed as expected. */
  | 'SAME';

export type FlashcardType =
  /** One aspect, two concepts side by side. */
  | 'COMPARISON'
  /** Summary → term. */
  | 'DEFINITION'
  /** What kind of thing is it, or which sort of its kind (a type 2 hypervisor)? */
  | 'KIND'
  /** X is an instance of / uses / is part of … */
  | 'RELATION'
  /** Term → summary. */
  | 'TERM';

export type MatchingKind =
  /** Sort tools and providers into their categories (several terms may share a category). */
  | 'CATEGORY'
  /** Pair each concept with its summary, one to one. */
  | 'SUMMARY';

/** Whether a claim speaks for or against its concept. */
export type Polarity =
  | 'CON'
  | 'NEUTRAL'
  | 'PRO';

export type QuizKind =
  /** Which category, or what kind of thing, a concept is. */
  | 'CLASSIFICATION'
  /** Of two concepts the graph contrasts, which one a fact is true of. */
  | 'COMPARISON'
  /** Pick the term that a summary describes. */
  | 'DEFINITION'
  /** A mix of all kinds. */
  | 'MIXED'
  /** Which of these is an advantage (or a drawback) of one concept over the one it is contrasted with. */
  | 'PROS_CONS'
  /** A fact, sometimes corrupted with a plausible wrong object (two choices). */
  | 'TRUE_FALSE';

export type Rating =
  | 'AGAIN'
  | 'EASY'
  | 'GOOD'
  | 'HARD';

/** Where a room stands. */
export type RoomPhase =
  /** The host closed the room. */
  | 'CLOSED'
  /** The quiz is over: the podium. */
  | 'FINISHED'
  /** Players are joining; no question asked yet. */
  | 'LOBBY'
  /** A question is open: its countdown runs. */
  | 'QUESTION'
  /** The question is closed: its answer, shares and explanation are shown. */
  | 'REVEAL';

/** Who holds a room token. */
export type RoomRole =
  | 'HOST'
  | 'PLAYER';

/** How a search result matched, strongest first. */
export type SearchMatch =
  /** The query is one of its aliases. */
  | 'ALIAS'
  /** The query is the concept's name. */
  | 'NAME'
  /** A name or alias starts with the query. */
  | 'PREFIX'
  /** A name or alias is spelled nearly like the query (a typo). */
  | 'SPELLING'
  /** Words of the query occur in the summary or description. */
  | 'TEXT';

export type CompareQueryVariables = Exact<{
  a: string;
  b: string;
}>;


export type CompareQuery = { compare: { a: { slug: string, name: string }, b: { slug: string, name: string }, facts: Array<{ key: string, label: string, agreement: Agreement, a: Array<{ text: string, outdated: string | null, concepts: Array<{ slug: string, name: string }> }>, b: Array<{ text: string, outdated: string | null, concepts: Array<{ slug: string, name: string }> }> }>, aspects: Array<{ agreement: Agreement, aspect: { label: string }, a: Array<{ statement: string, value: string | null, polarity: Polarity, outdated: string | null, citations: Array<{ locator: string, source: { publisher: string } }> }>, b: Array<{ statement: string, value: string | null, polarity: Polarity, outdated: string | null, citations: Array<{ locator: string, source: { publisher: string } }> }> }> } | null };

export type FactValueFieldsFragment = { text: string, outdated: string | null, concepts: Array<{ slug: string, name: string }> };

export type ComparedClaimFragment = { statement: string, value: string | null, polarity: Polarity, outdated: string | null, citations: Array<{ locator: string, source: { publisher: string } }> };

export type CompareOptionsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type CompareOptionsQuery = { concepts: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { slug: string, name: string, kind: string } }> } };

export type ConceptPageQueryVariables = Exact<{
  slug: string;
}>;


export type ConceptPageQuery = { concept: { slug: string, name: string, summary: string, description: string, aliases: Array<string>, kindInfo: { label: string }, relations: Array<{ type: string, label: string, inverseLabel: string, outdated: string | null, source: { slug: string, name: string }, target: { slug: string, name: string } }>, claims: Array<{ id: string, statement: string, polarity: Polarity, value: string | null, outdated: string | null, aspect: { label: string } | null }>, citations: Array<{ locator: string, passage: string | null, source: { title: string } }> } | null };

export type NeighborhoodQueryVariables = Exact<{
  slug: string;
  depth?: number | null | undefined;
}>;


export type NeighborhoodQuery = { neighborhood: { center: { slug: string, name: string }, nodes: Array<{ slug: string, name: string, kind: string }>, edges: Array<{ id: string, label: string, source: { slug: string, name: string }, target: { slug: string, name: string } }> } | null };

export type GraphdeckCardsQueryVariables = Exact<{
  slugs: Array<string> | string;
  quiz: boolean;
}>;


export type GraphdeckCardsQuery = { conceptsBySlug: Array<{ slug: string, name: string, summary: string, kindInfo: { label: string }, citations: Array<{ locator: string, source: { title: string } }>, testYourself?: { id: string, questions: Array<{ id: string, prompt: string, choices: Array<{ id: string, text: string }> }> } | null } | null> };

export type GraphdeckClosestQueryVariables = Exact<{
  q: string;
}>;


export type GraphdeckClosestQuery = { search: Array<{ slug: string }> };

export type GraphdeckAnswerMutationVariables = Exact<{
  q: string;
  qq: string;
  c: string;
}>;


export type GraphdeckAnswerMutation = { answer: { correct: boolean, correctChoiceId: string, explanation: string, chosenExplanation: string | null } };

export type ConceptListQueryVariables = Exact<{
  kind?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type ConceptListQuery = { concepts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { slug: string, name: string, summary: string, kind: string } }> } };

export type SearchHitsQueryVariables = Exact<{
  q: string;
  kind?: string | null | undefined;
}>;


export type SearchHitsQuery = { searchHits: Array<{ matchedBy: SearchMatch, matchedName: string | null, concept: { slug: string, name: string, kindInfo: { label: string } }, title: Array<{ text: string, highlight: boolean }>, snippet: Array<{ text: string, highlight: boolean }> }> };

export type KindsQueryVariables = Exact<{ [key: string]: never; }>;


export type KindsQuery = { kinds: Array<{ slug: string, label: string, plural: string, count: number }> };

export type CardFieldsFragment = { id: string, type: FlashcardType, typeIn: boolean, front: string, back: string, explanation: string, concept: { slug: string, name: string }, intervals: { again: { interval: string, due: string }, hard: { interval: string, due: string }, good: { interval: string, due: string }, easy: { interval: string, due: string } } };

export type StudyNextQueryVariables = Exact<{
  deck?: string | null | undefined;
  tz?: string | null | undefined;
  ahead?: boolean | null | undefined;
  typeIn?: boolean | null | undefined;
}>;


export type StudyNextQuery = { studyNext: { waitUntil: string | null, nextDue: string | null, buried: number, card: { id: string, type: FlashcardType, typeIn: boolean, front: string, back: string, explanation: string, concept: { slug: string, name: string }, intervals: { again: { interval: string, due: string }, hard: { interval: string, due: string }, good: { interval: string, due: string }, easy: { interval: string, due: string } } } | null, due: { learning: number, review: number, new: number } } };

export type FlashcardQueryVariables = Exact<{
  id: string;
}>;


export type FlashcardQuery = { flashcard: { id: string, type: FlashcardType, typeIn: boolean, front: string, back: string, explanation: string, concept: { slug: string, name: string }, intervals: { again: { interval: string, due: string }, hard: { interval: string, due: string }, good: { interval: string, due: string }, easy: { interval: string, due: string } } } | null };

export type ReviewMutationVariables = Exact<{
  card: string;
  rating: Rating;
  id: string;
}>;


export type ReviewMutation = { review: { due: string } };

export type UndoReviewMutationVariables = Exact<{ [key: string]: never; }>;


export type UndoReviewMutation = { undoReview: { cardId: string } | null };

export type CheckTypedAnswerQueryVariables = Exact<{
  id: string;
  answer: string;
}>;


export type CheckTypedAnswerQuery = { checkTypedAnswer: { correct: boolean, exact: boolean, expected: string, diff: Array<{ kind: DiffKind, text: string }> } };

export type QuizFieldsFragment = { id: string, seed: number, kind: QuizKind, count: number, topic: string | null, questions: Array<{ id: string, prompt: string, choices: Array<{ id: string, text: string }>, concept: { slug: string, name: string } }> };

export type CitationFieldsFragment = { locator: string, passage: string | null, source: { title: string } };

export type QuizQueryVariables = Exact<{
  kind: QuizKind;
  count?: number | null | undefined;
  seed?: number | null | undefined;
  topic?: string | null | undefined;
}>;


export type QuizQuery = { quiz: { id: string, seed: number, kind: QuizKind, count: number, topic: string | null, questions: Array<{ id: string, prompt: string, choices: Array<{ id: string, text: string }>, concept: { slug: string, name: string } }> } };

export type WeakSpotsQuizQueryVariables = Exact<{
  kind?: QuizKind | null | undefined;
  count?: number | null | undefined;
}>;


export type WeakSpotsQuizQuery = { weakSpotsQuiz: { id: string, seed: number, kind: QuizKind, count: number, topic: string | null, questions: Array<{ id: string, prompt: string, choices: Array<{ id: string, text: string }>, concept: { slug: string, name: string } }> } };

export type AnswerMutationVariables = Exact<{
  quizId: string;
  questionId: string;
  choiceId: string;
}>;


export type AnswerMutation = { answer: { correct: boolean, correctChoiceId: string, explanation: string, chosenExplanation: string | null, citations: Array<{ locator: string, passage: string | null, source: { title: string } }>, chosenCitations: Array<{ locator: string, passage: string | null, source: { title: string } }> } };

export type MatchingRoundQueryVariables = Exact<{
  kind: MatchingKind;
  seed?: number | null | undefined;
  topic?: string | null | undefined;
}>;


export type MatchingRoundQuery = { matching: { kind: MatchingKind, seed: number, topic: string | null, terms: Array<{ id: string, text: string, matchId: string, explanation: string, concept: { slug: string, name: string }, citations: Array<{ locator: string, source: { title: string } }> }>, targets: Array<{ id: string, text: string }> } };

export type RoomViewFieldsFragment = { code: string, role: RoomRole, phase: RoomPhase, kind: QuizKind, seed: number, topic: string | null, seconds: number, questionCount: number, questionIndex: number | null, endsAt: string | null, remainingMs: number | null, answeredCount: number | null, replayCode: string | null, version: number, playerCount: number, question: { id: string, prompt: string, choices: Array<{ id: string, text: string }> } | null, leaderboard: Array<{ nickname: string, score: number, rank: number }>, me: { nickname: string, score: number, rank: number, correctCount: number } | null, myAnswer: { questionId: string, choiceId: string, correct: boolean | null, points: number | null } | null, reveal: { correctChoiceId: string, explanation: string, shares: Array<{ choiceId: string, count: number, share: number }>, citations: Array<{ locator: string, source: { title: string, publisher: string, address: string | null } }> } | null, podium: Array<{ nickname: string, score: number, rank: number }>, missed: Array<{ slug: string, name: string }> };

export type OpenRoomMutationVariables = Exact<{
  kind?: QuizKind | null | undefined;
  count?: number | null | undefined;
  topic?: string | null | undefined;
  seconds?: number | null | undefined;
}>;


export type OpenRoomMutation = { openRoom: { code: string, token: string, role: RoomRole, room: { code: string, role: RoomRole, phase: RoomPhase, kind: QuizKind, seed: number, topic: string | null, seconds: number, questionCount: number, questionIndex: number | null, endsAt: string | null, remainingMs: number | null, answeredCount: number | null, replayCode: string | null, version: number, playerCount: number, players: Array<{ nickname: string, score: number, rank: number, answered: boolean, correctCount: number }>, question: { id: string, prompt: string, choices: Array<{ id: string, text: string }> } | null, leaderboard: Array<{ nickname: string, score: number, rank: number }>, me: { nickname: string, score: number, rank: number, correctCount: number } | null, myAnswer: { questionId: string, choiceId: string, correct: boolean | null, points: number | null } | null, reveal: { correctChoiceId: string, explanation: string, shares: Array<{ choiceId: string, count: number, share: number }>, citations: Array<{ locator: string, source: { title: string, publisher: string, address: string | null } }> } | null, podium: Array<{ nickname: string, score: number, rank: number }>, missed: Array<{ slug: string, name: string }> } } };

export type JoinRoomMutationVariables = Exact<{
  code: string;
  nickname: string;
}>;


export type JoinRoomMutation = { joinRoom: { code: string, token: string, role: RoomRole, room: { code: string, role: RoomRole, phase: RoomPhase, kind: QuizKind, seed: number, topic: string | null, seconds: number, questionCount: number, questionIndex: number | null, endsAt: string | null, remainingMs: number | null, answeredCount: number | null, replayCode: string | null, version: number, playerCount: number, question: { id: string, prompt: string, choices: Array<{ id: string, text: string }> } | null, leaderboard: Array<{ nickname: string, score: number, rank: number }>, me: { nickname: string, score: number, rank: number, correctCount: number } | null, myAnswer: { questionId: string, choiceId: string, correct: boolean | null, points: number | null } | null, reveal: { correctChoiceId: string, explanation: string, shares: Array<{ choiceId: string, count: number, share: number }>, citations: Array<{ locator: string, source: { title: string, publisher: string, address: string | null } }> } | null, podium: Array<{ nickname: string, score: number, rank: number }>, missed: Array<{ slug: string, name: string }> } } };

export type RoomUpdatesSubscriptionVariables = Exact<{
  code: string;
  token: string;
}>;


export type RoomUpdatesSubscription = { room: { code: string, role: RoomRole, phase: RoomPhase, kind: QuizKind, seed: number, topic: string | null, seconds: number, questionCount: number, questionIndex: number | null, endsAt: string | null, remainingMs: number | null, answeredCount: number | null, replayCode: string | null, version: number, playerCount: number, question: { id: string, prompt: string, choices: Array<{ id: string, text: string }> } | null, leaderboard: Array<{ nickname: string, score: number, rank: number }>, me: { nickname: string, score: number, rank: number, correctCount: number } | null, myAnswer: { questionId: string, choiceId: string, correct: boolean | null, points: number | null } | null, reveal: { correctChoiceId: string, explanation: string, shares: Array<{ choiceId: string, count: number, share: number }>, citations: Array<{ locator: string, source: { title: string, publisher: string, address: string | null } }> } | null, podium: Array<{ nickname: string, score: number, rank: number }>, missed: Array<{ slug: string, name: string }> } };

export type HostRoomUpdatesSubscriptionVariables = Exact<{
  code: string;
  token: string;
}>;


export type HostRoomUpdatesSubscription = { room: { code: string, role: RoomRole, phase: RoomPhase, kind: QuizKind, seed: number, topic: string | null, seconds: number, questionCount: number, questionIndex: number | null, endsAt: string | null, remainingMs: number | null, answeredCount: number | null, replayCode: string | null, version: number, playerCount: number, players: Array<{ nickname: string, score: number, rank: number, answered: boolean, correctCount: number }>, question: { id: string, prompt: string, choices: Array<{ id: string, text: string }> } | null, leaderboard: Array<{ nickname: string, score: number, rank: number }>, me: { nickname: string, score: number, rank: number, correctCount: number } | null, myAnswer: { questionId: string, choiceId: string, correct: boolean | null, points: number | null } | null, reveal: { correctChoiceId: string, explanation: string, shares: Array<{ choiceId: string, count: number, share: number }>, citations: Array<{ locator: string, source: { title: string, publisher: string, address: string | null } }> } | null, podium: Array<{ nickname: string, score: number, rank: number }>, missed: Array<{ slug: string, name: string }> } };

export type StartRoomMutationVariables = Exact<{
  code: string;
  token: string;
}>;


export type StartRoomMutation = { startRoom: { code: string, role: RoomRole, phase: RoomPhase, kind: QuizKind, seed: number, topic: string | null, seconds: number, questionCount: number, questionIndex: number | null, endsAt: string | null, remainingMs: number | null, answeredCount: number | null, replayCode: string | null, version: number, playerCount: number, players: Array<{ nickname: string, score: number, rank: number, answered: boolean, correctCount: number }>, question: { id: string, prompt: string, choices: Array<{ id: string, text: string }> } | null, leaderboard: Array<{ nickname: string, score: number, rank: number }>, me: { nickname: string, score: number, rank: number, correctCount: number } | null, myAnswer: { questionId: string, choiceId: string, correct: boolean | null, points: number | null } | null, reveal: { correctChoiceId: string, explanation: string, shares: Array<{ choiceId: string, count: number, share: number }>, citations: Array<{ locator: string, source: { title: string, publisher: string, address: string | null } }> } | null, podium: Array<{ nickname: string, score: number, rank: number }>, missed: Array<{ slug: string, name: string }> } };

export type RevealAnswerMutationVariables = Exact<{
  code: string;
  token: string;
}>;


export type RevealAnswerMutation = { revealAnswer: { code: string, role: RoomRole, phase: RoomPhase, kind: QuizKind, seed: number, topic: string | null, seconds: number, questionCount: number, questionIndex: number | null, endsAt: string | null, remainingMs: number | null, answeredCount: number | null, replayCode: string | null, version: number, playerCount: number, players: Array<{ nickname: string, score: number, rank: number, answered: boolean, correctCount: number }>, question: { id: string, prompt: string, choices: Array<{ id: string, text: string }> } | null, leaderboard: Array<{ nickname: string, score: number, rank: number }>, me: { nickname: string, score: number, rank: number, correctCount: number } | null, myAnswer: { questionId: string, choiceId: string, correct: boolean | null, points: number | null } | null, reveal: { correctChoiceId: string, explanation: string, shares: Array<{ choiceId: string, count: number, share: number }>, citations: Array<{ locator: string, source: { title: string, publisher: string, address: string | null } }> } | null, podium: Array<{ nickname: string, score: number, rank: number }>, missed: Array<{ slug: string, name: string }> } };

export type NextQuestionMutationVariables = Exact<{
  code: string;
  token: string;
}>;


export type NextQuestionMutation = { nextQuestion: { code: string, role: RoomRole, phase: RoomPhase, kind: QuizKind, seed: number, topic: string | null, seconds: number, questionCount: number, questionIndex: number | null, endsAt: string | null, remainingMs: number | null, answeredCount: number | null, replayCode: string | null, version: number, playerCount: number, players: Array<{ nickname: string, score: number, rank: number, answered: boolean, correctCount: number }>, question: { id: string, prompt: string, choices: Array<{ id: string, text: string }> } | null, leaderboard: Array<{ nickname: string, score: number, rank: number }>, me: { nickname: string, score: number, rank: number, correctCount: number } | null, myAnswer: { questionId: string, choiceId: string, correct: boolean | null, points: number | null } | null, reveal: { correctChoiceId: string, explanation: string, shares: Array<{ choiceId: string, count: number, share: number }>, citations: Array<{ locator: string, source: { title: string, publisher: string, address: string | null } }> } | null, podium: Array<{ nickname: string, score: number, rank: number }>, missed: Array<{ slug: string, name: string }> } };

export type CloseRoomMutationVariables = Exact<{
  code: string;
  token: string;
}>;


export type CloseRoomMutation = { closeRoom: { code: string, role: RoomRole, phase: RoomPhase, kind: QuizKind, seed: number, topic: string | null, seconds: number, questionCount: number, questionIndex: number | null, endsAt: string | null, remainingMs: number | null, answeredCount: number | null, replayCode: string | null, version: number, playerCount: number, players: Array<{ nickname: string, score: number, rank: number, answered: boolean, correctCount: number }>, question: { id: string, prompt: string, choices: Array<{ id: string, text: string }> } | null, leaderboard: Array<{ nickname: string, score: number, rank: number }>, me: { nickname: string, score: number, rank: number, correctCount: number } | null, myAnswer: { questionId: string, choiceId: string, correct: boolean | null, points: number | null } | null, reveal: { correctChoiceId: string, explanation: string, shares: Array<{ choiceId: string, count: number, share: number }>, citations: Array<{ locator: string, source: { title: string, publisher: string, address: string | null } }> } | null, podium: Array<{ nickname: string, score: number, rank: number }>, missed: Array<{ slug: string, name: string }> } };

export type ReplayRoomMutationVariables = Exact<{
  code: string;
  token: string;
}>;


export type ReplayRoomMutation = { replayRoom: { code: string, token: string, role: RoomRole, room: { code: string, role: RoomRole, phase: RoomPhase, kind: QuizKind, seed: number, topic: string | null, seconds: number, questionCount: number, questionIndex: number | null, endsAt: string | null, remainingMs: number | null, answeredCount: number | null, replayCode: string | null, version: number, playerCount: number, players: Array<{ nickname: string, score: number, rank: number, answered: boolean, correctCount: number }>, question: { id: string, prompt: string, choices: Array<{ id: string, text: string }> } | null, leaderboard: Array<{ nickname: string, score: number, rank: number }>, me: { nickname: string, score: number, rank: number, correctCount: number } | null, myAnswer: { questionId: string, choiceId: string, correct: boolean | null, points: number | null } | null, reveal: { correctChoiceId: string, explanation: string, shares: Array<{ choiceId: string, count: number, share: number }>, citations: Array<{ locator: string, source: { title: string, publisher: string, address: string | null } }> } | null, podium: Array<{ nickname: string, score: number, rank: number }>, missed: Array<{ slug: string, name: string }> } } };

export type AnswerRoomQuestionMutationVariables = Exact<{
  code: string;
  token: string;
  questionId: string;
  choiceId: string;
}>;


export type AnswerRoomQuestionMutation = { answerRoomQuestion: { questionId: string, choiceId: string, correct: boolean | null, points: number | null } };

export type RoomResultsCsvQueryVariables = Exact<{
  code: string;
  token: string;
}>;


export type RoomResultsCsvQuery = { roomResultsCsv: string };

export type DecksQueryVariables = Exact<{ [key: string]: never; }>;


export type DecksQuery = { decks: Array<{ id: string, kind: DeckKind, title: string, cardCount: number }> };

export type HomeProgressQueryVariables = Exact<{
  tz?: string | null | undefined;
}>;


export type HomeProgressQuery = { progress: { dueToday: number, cards: { new: number } } };

export type StudyStreakQueryVariables = Exact<{
  goal?: number | null | undefined;
  tz?: string | null | undefined;
}>;


export type StudyStreakQuery = { studyStreak: { dailyGoal: number, reviewsToday: number, goalMet: boolean, streak: number, longest: number } };

export type ProgressQueryVariables = Exact<{
  tz?: string | null | undefined;
  deck?: string | null | undefined;
}>;


export type ProgressQuery = { progress: { dueToday: number, retention: number | null, cards: { new: number, learning: number, review: number, due: number, total: number }, reviewsPerDay: Array<{ date: string, count: number, recalls: number, remembered: number }>, byKind: Array<{ new: number, learning: number, review: number, due: number, total: number, kind: { slug: string, label: string } }>, quizzes: { answered: number, correct: number } } };

export type ExportProgressQueryVariables = Exact<{ [key: string]: never; }>;


export type ExportProgressQuery = { exportProgress: string };

export type ImportProgressMutationVariables = Exact<{
  data: string;
}>;


export type ImportProgressMutation = { importProgress: { cards: number, reviews: number, quizAnswers: number } };

export type StartLearnerMutationVariables = Exact<{ [key: string]: never; }>;


export type StartLearnerMutation = { startLearner: { token: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const FactValueFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`fragment FactValueFields on FactValue { text outdated concepts { slug name } }`, {"fragmentName":"FactValueFields"}) as unknown as TypedDocumentString<FactValueFieldsFragment, unknown>;
export const ComparedClaimFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`fragment ComparedClaim on Claim { statement value polarity outdated citations { locator source { publisher } } }`, {"fragmentName":"ComparedClaim"}) as unknown as TypedDocumentString<ComparedClaimFragment, unknown>;
export const CardFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`fragment CardFields on Flashcard { id type typeIn front back explanation concept { slug name } intervals { again { interval due } hard { interval due } good { interval due } easy { interval due } } }`, {"fragmentName":"CardFields"}) as unknown as TypedDocumentString<CardFieldsFragment, unknown>;
export const QuizFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`fragment QuizFields on Quiz { id seed kind count topic questions { id prompt choices { id text } concept { slug name } } }`, {"fragmentName":"QuizFields"}) as unknown as TypedDocumentString<QuizFieldsFragment, unknown>;
export const CitationFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`fragment CitationFields on Citation { locator passage source { title } }`, {"fragmentName":"CitationFields"}) as unknown as TypedDocumentString<CitationFieldsFragment, unknown>;
export const RoomViewFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`fragment RoomViewFields on RoomView { code role phase kind seed topic seconds questionCount questionIndex endsAt remainingMs answeredCount replayCode version playerCount question { id prompt choices { id text } } leaderboard(first: 5) { nickname score rank } me { nickname score rank correctCount } myAnswer { questionId choiceId correct points } reveal { correctChoiceId explanation shares { choiceId count share } citations { locator source { title publisher address } } } podium { nickname score rank } missed { slug name } }`, {"fragmentName":"RoomViewFields"}) as unknown as TypedDocumentString<RoomViewFieldsFragment, unknown>;
export const CompareDocument = /*#__PURE__*/ new TypedDocumentString(`query Compare($a: String!, $b: String!) { compare(a: $a, b: $b) { a { slug name } b { slug name } facts { key label agreement a { ...FactValueFields } b { ...FactValueFields } } aspects { aspect { label } agreement a { ...ComparedClaim } b { ...ComparedClaim } } } } fragment FactValueFields on FactValue { text outdated concepts { slug name } } fragment ComparedClaim on Claim { statement value polarity outdated citations { locator source { publisher } } }`, {"hash":"sha256:9caaaa0080427d9099e130798ee1b57cb62998e62db6b34d7115814a4544ac67"}) as unknown as TypedDocumentString<CompareQuery, CompareQueryVariables>;
export const CompareOptionsDocument = /*#__PURE__*/ new TypedDocumentString(`query CompareOptions($after: String) { concepts(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { slug name kind } } } }`, {"hash":"sha256:c770fc9aad254bd20d004481b3652d2041eea46e42c396e0238c5e8f37d12ea4"}) as unknown as TypedDocumentString<CompareOptionsQuery, CompareOptionsQueryVariables>;
export const ConceptPageDocument = /*#__PURE__*/ new TypedDocumentString(`query ConceptPage($slug: String!) { concept(slug: $slug) { slug name summary description aliases kindInfo { label } relations { type label inverseLabel source { slug name } target { slug name } outdated } claims { id statement polarity aspect { label } value outdated } citations { locator passage source { title } } } }`, {"hash":"sha256:136cf5cc3f6025328f3b24ea273a191e9fc70e8fcf3aadb4fac5c3089ddfcebf"}) as unknown as TypedDocumentString<ConceptPageQuery, ConceptPageQueryVariables>;
export const NeighborhoodDocument = /*#__PURE__*/ new TypedDocumentString(`query Neighborhood($slug: String!, $depth: Int) { neighborhood(slug: $slug, depth: $depth) { center { slug name } nodes { slug name kind } edges { id label source { slug name } target { slug name } } } }`, {"hash":"sha256:b8f319961989990977a68614b75bb514ef76737da540596fe42789066421d970"}) as unknown as TypedDocumentString<NeighborhoodQuery, NeighborhoodQueryVariables>;
export const GraphdeckCardsDocument = /*#__PURE__*/ new TypedDocumentString(`query GraphdeckCards($slugs: [String!]!, $quiz: Boolean!) { conceptsBySlug(slugs: $slugs) { slug name summary kindInfo { label } citations { locator source { title } } testYourself @include(if: $quiz) { id questions { id prompt choices { id text } } } } }`, {"hash":"sha256:d84e024ee034b31e6626b8d4196483cac47e1c124cdaa082f124900422dd75c0"}) as unknown as TypedDocumentString<GraphdeckCardsQuery, GraphdeckCardsQueryVariables>;
export const GraphdeckClosestDocument = /*#__PURE__*/ new TypedDocumentString(`query GraphdeckClosest($q: String!) { search(query: $q, first: 1) { slug } }`, {"hash":"sha256:1c1c0d27bbe3f4b90a40b3f1efc7925bc0cf833c62961beeb1b6707d6fcc09ad"}) as unknown as TypedDocumentString<GraphdeckClosestQuery, GraphdeckClosestQueryVariables>;
export const GraphdeckAnswerDocument = /*#__PURE__*/ new TypedDocumentString(`mutation GraphdeckAnswer($q: ID!, $qq: ID!, $c: ID!) { answer(quizId: $q, questionId: $qq, choiceId: $c) { correct correctChoiceId explanation chosenExplanation } }`, {"hash":"sha256:73117b01486455587871e45e1935bd2303e380fd2d67b04c22549e219f74727e"}) as unknown as TypedDocumentString<GraphdeckAnswerMutation, GraphdeckAnswerMutationVariables>;
export const ConceptListDocument = /*#__PURE__*/ new TypedDocumentString(`query ConceptList($kind: String, $after: String) { concepts(kind: $kind, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { slug name summary kind } } } }`, {"hash":"sha256:407e617a2e7a035ec1b1bf3c9dcecde478b2fbacc9e21563a290764d81b90500"}) as unknown as TypedDocumentString<ConceptListQuery, ConceptListQueryVariables>;
export const SearchHitsDocument = /*#__PURE__*/ new TypedDocumentString(`query SearchHits($q: String!, $kind: String) { searchHits(query: $q, first: 20, kind: $kind) { concept { slug name kindInfo { label } } matchedBy matchedName title { text highlight } snippet { text highlight } } }`, {"hash":"sha256:66de151ca65dccfa1980f0427e255d0603090894de68796cbfa0687a1408b936"}) as unknown as TypedDocumentString<SearchHitsQuery, SearchHitsQueryVariables>;
export const KindsDocument = /*#__PURE__*/ new TypedDocumentString(`query Kinds { kinds { slug label plural count } }`, {"hash":"sha256:f2844c3893d876b9853ad7e55fdc7eec075e2dcfcfa213f34822ca5c456afd25"}) as unknown as TypedDocumentString<KindsQuery, KindsQueryVariables>;
export const StudyNextDocument = /*#__PURE__*/ new TypedDocumentString(`query StudyNext($deck: String, $tz: String, $ahead: Boolean, $typeIn: Boolean) { studyNext(deck: $deck, timeZone: $tz, learnAhead: $ahead, typeIn: $typeIn) { card { ...CardFields } waitUntil nextDue buried due { learning review new } } } fragment CardFields on Flashcard { id type typeIn front back explanation concept { slug name } intervals { again { interval due } hard { interval due } good { interval due } easy { interval due } } }`, {"hash":"sha256:55274baf8d74fea013a314261cf6c97448dec0707c39377aeb8cce8fdde19ded"}) as unknown as TypedDocumentString<StudyNextQuery, StudyNextQueryVariables>;
export const FlashcardDocument = /*#__PURE__*/ new TypedDocumentString(`query Flashcard($id: ID!) { flashcard(id: $id) { ...CardFields } } fragment CardFields on Flashcard { id type typeIn front back explanation concept { slug name } intervals { again { interval due } hard { interval due } good { interval due } easy { interval due } } }`, {"hash":"sha256:2d27ca78c1b5e6b1beff00bf1fcd8761529f1fdf8e038ae25531a827b7226b6d"}) as unknown as TypedDocumentString<FlashcardQuery, FlashcardQueryVariables>;
export const ReviewDocument = /*#__PURE__*/ new TypedDocumentString(`mutation Review($card: ID!, $rating: Rating!, $id: ID!) { review(cardId: $card, rating: $rating, reviewId: $id) { due } }`, {"hash":"sha256:2c45d07675a19944683dc1db3acac2fcf9a8a304aeaa4f19a2b28a5cbd952d85"}) as unknown as TypedDocumentString<ReviewMutation, ReviewMutationVariables>;
export const UndoReviewDocument = /*#__PURE__*/ new TypedDocumentString(`mutation UndoReview { undoReview { cardId } }`, {"hash":"sha256:4625022a9c312f2118b46b49bdb557e2d29af4dd10351cd66a4a0f7aab389963"}) as unknown as TypedDocumentString<UndoReviewMutation, UndoReviewMutationVariables>;
export const CheckTypedAnswerDocument = /*#__PURE__*/ new TypedDocumentString(`query CheckTypedAnswer($id: ID!, $answer: String!) { checkTypedAnswer(cardId: $id, answer: $answer) { correct exact expected diff { kind text } } }`, {"hash":"sha256:8e0086735aabcde367ec1b6ba160f16d3a92435e2c75ac55a2daa8e1b6bbc5a3"}) as unknown as TypedDocumentString<CheckTypedAnswerQuery, CheckTypedAnswerQueryVariables>;
export const QuizDocument = /*#__PURE__*/ new TypedDocumentString(`query Quiz($kind: QuizKind!, $count: Int, $seed: Int, $topic: String) { quiz(kind: $kind, count: $count, seed: $seed, topic: $topic) { ...QuizFields } } fragment QuizFields on Quiz { id seed kind count topic questions { id prompt choices { id text } concept { slug name } } }`, {"hash":"sha256:8329e9c1f06762aaebf5271e6af12620cda87b7e08e4601f1bfd9c158ba93763"}) as unknown as TypedDocumentString<QuizQuery, QuizQueryVariables>;
export const WeakSpotsQuizDocument = /*#__PURE__*/ new TypedDocumentString(`query WeakSpotsQuiz($kind: QuizKind, $count: Int) { weakSpotsQuiz(kind: $kind, count: $count) { ...QuizFields } } fragment QuizFields on Quiz { id seed kind count topic questions { id prompt choices { id text } concept { slug name } } }`, {"hash":"sha256:ac5c3d06b6692b7b61f13daecaabf0265502c5222f7463134421c2174796681d"}) as unknown as TypedDocumentString<WeakSpotsQuizQuery, WeakSpotsQuizQueryVariables>;
export const AnswerDocument = /*#__PURE__*/ new TypedDocumentString(`mutation Answer($quizId: ID!, $questionId: ID!, $choiceId: ID!) { answer(quizId: $quizId, questionId: $questionId, choiceId: $choiceId) { correct correctChoiceId explanation chosenExplanation citations { ...CitationFields } chosenCitations { ...CitationFields } } } fragment CitationFields on Citation { locator passage source { title } }`, {"hash":"sha256:31be3828869f2db34af9361f557fe232cb88726b4ddf9bc8fbc07724acde1476"}) as unknown as TypedDocumentString<AnswerMutation, AnswerMutationVariables>;
export const MatchingRoundDocument = /*#__PURE__*/ new TypedDocumentString(`query MatchingRound($kind: MatchingKind!, $seed: Int, $topic: String) { matching(kind: $kind, seed: $seed, topic: $topic) { kind seed topic terms { id text matchId explanation concept { slug name } citations { locator source { title } } } targets { id text } } }`, {"hash":"sha256:3d3ecd5afed5b4c720d6d2cc00208432d9d36d581d03c230e259c924b7bd77d2"}) as unknown as TypedDocumentString<MatchingRoundQuery, MatchingRoundQueryVariables>;
export const OpenRoomDocument = /*#__PURE__*/ new TypedDocumentString(`mutation OpenRoom($kind: QuizKind, $count: Int, $topic: String, $seconds: Int) { openRoom(kind: $kind, count: $count, topic: $topic, seconds: $seconds) { code token role room { ...RoomViewFields players { nickname score rank answered correctCount } } } } fragment RoomViewFields on RoomView { code role phase kind seed topic seconds questionCount questionIndex endsAt remainingMs answeredCount replayCode version playerCount question { id prompt choices { id text } } leaderboard(first: 5) { nickname score rank } me { nickname score rank correctCount } myAnswer { questionId choiceId correct points } reveal { correctChoiceId explanation shares { choiceId count share } citations { locator source { title publisher address } } } podium { nickname score rank } missed { slug name } }`, {"hash":"sha256:331c6a1685d4386202d886570123ef62e1b681f56acaf1e3d69bf9990d552f47"}) as unknown as TypedDocumentString<OpenRoomMutation, OpenRoomMutationVariables>;
export const JoinRoomDocument = /*#__PURE__*/ new TypedDocumentString(`mutation JoinRoom($code: String!, $nickname: String!) { joinRoom(code: $code, nickname: $nickname) { code token role room { ...RoomViewFields } } } fragment RoomViewFields on RoomView { code role phase kind seed topic seconds questionCount questionIndex endsAt remainingMs answeredCount replayCode version playerCount question { id prompt choices { id text } } leaderboard(first: 5) { nickname score rank } me { nickname score rank correctCount } myAnswer { questionId choiceId correct points } reveal { correctChoiceId explanation shares { choiceId count share } citations { locator source { title publisher address } } } podium { nickname score rank } missed { slug name } }`, {"hash":"sha256:d0c104c1fd4fbaced8bd5f675c1854774363786b0c3e720c35fb8994666fd90a"}) as unknown as TypedDocumentString<JoinRoomMutation, JoinRoomMutationVariables>;
export const RoomUpdatesDocument = /*#__PURE__*/ new TypedDocumentString(`subscription RoomUpdates($code: String!, $token: String!) { room(code: $code, token: $token) { ...RoomViewFields } } fragment RoomViewFields on RoomView { code role phase kind seed topic seconds questionCount questionIndex endsAt remainingMs answeredCount replayCode version playerCount question { id prompt choices { id text } } leaderboard(first: 5) { nickname score rank } me { nickname score rank correctCount } myAnswer { questionId choiceId correct points } reveal { correctChoiceId explanation shares { choiceId count share } citations { locator source { title publisher address } } } podium { nickname score rank } missed { slug name } }`, {"hash":"sha256:6ea280364ed67bf0eeb6d3aef42e943e785c24dd6fd2e3bb20a5aa2381d2384b"}) as unknown as TypedDocumentString<RoomUpdatesSubscription, RoomUpdatesSubscriptionVariables>;
export const HostRoomUpdatesDocument = /*#__PURE__*/ new TypedDocumentString(`subscription HostRoomUpdates($code: String!, $token: String!) { room(code: $code, token: $token) { ...RoomViewFields players { nickname score rank answered correctCount } } } fragment RoomViewFields on RoomView { code role phase kind seed topic seconds questionCount questionIndex endsAt remainingMs answeredCount replayCode version playerCount question { id prompt choices { id text } } leaderboard(first: 5) { nickname score rank } me { nickname score rank correctCount } myAnswer { questionId choiceId correct points } reveal { correctChoiceId explanation shares { choiceId count share } citations { locator source { title publisher address } } } podium { nickname score rank } missed { slug name } }`, {"hash":"sha256:89f9d7f1559c5c173e159c56833c54769e751ad32fb460b981b73f36630508f7"}) as unknown as TypedDocumentString<HostRoomUpdatesSubscription, HostRoomUpdatesSubscriptionVariables>;
export const StartRoomDocument = /*#__PURE__*/ new TypedDocumentString(`mutation StartRoom($code: String!, $token: String!) { startRoom(code: $code, token: $token) { ...RoomViewFields players { nickname score rank answered correctCount } } } fragment RoomViewFields on RoomView { code role phase kind seed topic seconds questionCount questionIndex endsAt remainingMs answeredCount replayCode version playerCount question { id prompt choices { id text } } leaderboard(first: 5) { nickname score rank } me { nickname score rank correctCount } myAnswer { questionId choiceId correct points } reveal { correctChoiceId explanation shares { choiceId count share } citations { locator source { title publisher address } } } podium { nickname score rank } missed { slug name } }`, {"hash":"sha256:94f8317a54da116ada4baec89cca6231905c190d87e955632bff6d37237d5da4"}) as unknown as TypedDocumentString<StartRoomMutation, StartRoomMutationVariables>;
export const RevealAnswerDocument = /*#__PURE__*/ new TypedDocumentString(`mutation RevealAnswer($code: String!, $token: String!) { revealAnswer(code: $code, token: $token) { ...RoomViewFields players { nickname score rank answered correctCount } } } fragment RoomViewFields on RoomView { code role phase kind seed topic seconds questionCount questionIndex endsAt remainingMs answeredCount replayCode version playerCount question { id prompt choices { id text } } leaderboard(first: 5) { nickname score rank } me { nickname score rank correctCount } myAnswer { questionId choiceId correct points } reveal { correctChoiceId explanation shares { choiceId count share } citations { locator source { title publisher address } } } podium { nickname score rank } missed { slug name } }`, {"hash":"sha256:e466841d4409e5428828dd11c3e9ce68f3920029ad23db01f41020f812ebe358"}) as unknown as TypedDocumentString<RevealAnswerMutation, RevealAnswerMutationVariables>;
export const NextQuestionDocument = /*#__PURE__*/ new TypedDocumentString(`mutation NextQuestion($code: String!, $token: String!) { nextQuestion(code: $code, token: $token) { ...RoomViewFields players { nickname score rank answered correctCount } } } fragment RoomViewFields on RoomView { code role phase kind seed topic seconds questionCount questionIndex endsAt remainingMs answeredCount replayCode version playerCount question { id prompt choices { id text } } leaderboard(first: 5) { nickname score rank } me { nickname score rank correctCount } myAnswer { questionId choiceId correct points } reveal { correctChoiceId explanation shares { choiceId count share } citations { locator source { title publisher address } } } podium { nickname score rank } missed { slug name } }`, {"hash":"sha256:1a569203a6029ccfd80c0ad8e23db9356f235df04f1bad927e14ebad32106948"}) as unknown as TypedDocumentString<NextQuestionMutation, NextQuestionMutationVariables>;
export const CloseRoomDocument = /*#__PURE__*/ new TypedDocumentString(`mutation CloseRoom($code: String!, $token: String!) { closeRoom(code: $code, token: $token) { ...RoomViewFields players { nickname score rank answered correctCount } } } fragment RoomViewFields on RoomView { code role phase kind seed topic seconds questionCount questionIndex endsAt remainingMs answeredCount replayCode version playerCount question { id prompt choices { id text } } leaderboard(first: 5) { nickname score rank } me { nickname score rank correctCount } myAnswer { questionId choiceId correct points } reveal { correctChoiceId explanation shares { choiceId count share } citations { locator source { title publisher address } } } podium { nickname score rank } missed { slug name } }`, {"hash":"sha256:331142425b208b2ff6e6675921a941b27270291e7da7460ad70677883c6397f4"}) as unknown as TypedDocumentString<CloseRoomMutation, CloseRoomMutationVariables>;
export const ReplayRoomDocument = /*#__PURE__*/ new TypedDocumentString(`mutation ReplayRoom($code: String!, $token: String!) { replayRoom(code: $code, token: $token) { code token role room { ...RoomViewFields players { nickname score rank answered correctCount } } } } fragment RoomViewFields on RoomView { code role phase kind seed topic seconds questionCount questionIndex endsAt remainingMs answeredCount replayCode version playerCount question { id prompt choices { id text } } leaderboard(first: 5) { nickname score rank } me { nickname score rank correctCount } myAnswer { questionId choiceId correct points } reveal { correctChoiceId explanation shares { choiceId count share } citations { locator source { title publisher address } } } podium { nickname score rank } missed { slug name } }`, {"hash":"sha256:16e321aef6aa202ed83cd69d8ad6c9a4b81a0a061a78cba9322b62e6edb30b40"}) as unknown as TypedDocumentString<ReplayRoomMutation, ReplayRoomMutationVariables>;
export const AnswerRoomQuestionDocument = /*#__PURE__*/ new TypedDocumentString(`mutation AnswerRoomQuestion($code: String!, $token: String!, $questionId: ID!, $choiceId: ID!) { answerRoomQuestion( code: $code token: $token questionId: $questionId choiceId: $choiceId ) { questionId choiceId correct points } }`, {"hash":"sha256:e7ce9115d4ca0e68e35579c399e5fddded9e19576e10cdf46d47cfac4cc795cf"}) as unknown as TypedDocumentString<AnswerRoomQuestionMutation, AnswerRoomQuestionMutationVariables>;
export const RoomResultsCsvDocument = /*#__PURE__*/ new TypedDocumentString(`query RoomResultsCsv($code: String!, $token: String!) { roomResultsCsv(code: $code, token: $token) }`, {"hash":"sha256:1389de132b24f95c7cdbfbb43f4cd8c531bbe6374c0e291d56d54c9dfdd73201"}) as unknown as TypedDocumentString<RoomResultsCsvQuery, RoomResultsCsvQueryVariables>;
export const DecksDocument = /*#__PURE__*/ new TypedDocumentString(`query Decks { decks { id kind title cardCount } }`, {"hash":"sha256:a55dd9943b0870e724d600dbbb4a65580c814c9dfb16da4da3180035366d2e1b"}) as unknown as TypedDocumentString<DecksQuery, DecksQueryVariables>;
export const HomeProgressDocument = /*#__PURE__*/ new TypedDocumentString(`query HomeProgress($tz: String) { progress(timeZone: $tz) { dueToday cards { new } } }`, {"hash":"sha256:dbba960349263dd62d73f9ba83b93647d981fecc92ce9b06bcfaf6fae837bc03"}) as unknown as TypedDocumentString<HomeProgressQuery, HomeProgressQueryVariables>;
export const StudyStreakDocument = /*#__PURE__*/ new TypedDocumentString(`query StudyStreak($goal: Int, $tz: String) { studyStreak(dailyGoal: $goal, timeZone: $tz) { dailyGoal reviewsToday goalMet streak longest } }`, {"hash":"sha256:f6c3afdf3e8857256ee725c061dce1287fc601e6a115dfa0ec4c5b8486e44d96"}) as unknown as TypedDocumentString<StudyStreakQuery, StudyStreakQueryVariables>;
export const ProgressDocument = /*#__PURE__*/ new TypedDocumentString(`query Progress($tz: String, $deck: String) { progress(timeZone: $tz, deck: $deck) { dueToday retention cards { new learning review due total } reviewsPerDay { date count recalls remembered } byKind { kind { slug label } new learning review due total } quizzes { answered correct } } }`, {"hash":"sha256:5c2469da98779031ba406deac7bc14b3b1c951541d1fbdd04035241284e07a28"}) as unknown as TypedDocumentString<ProgressQuery, ProgressQueryVariables>;
export const ExportProgressDocument = /*#__PURE__*/ new TypedDocumentString(`query ExportProgress { exportProgress }`, {"hash":"sha256:5a9f8055f9e5c1438e54735abd4784aaad4fbe2c127053277f682e14ef209b7a"}) as unknown as TypedDocumentString<ExportProgressQuery, ExportProgressQueryVariables>;
export const ImportProgressDocument = /*#__PURE__*/ new TypedDocumentString(`mutation ImportProgress($data: String!) { importProgress(data: $data) { cards reviews quizAnswers } }`, {"hash":"sha256:d0f6513ba3e6d8438259fad9b379b2588430d8e8ebd11304988d6f6c7819dc45"}) as unknown as TypedDocumentString<ImportProgressMutation, ImportProgressMutationVariables>;
export const StartLearnerDocument = /*#__PURE__*/ new TypedDocumentString(`mutation StartLearner { startLearner { token } }`, {"hash":"sha256:de93a1c291699a4836e36b60f4e9962aeb29ea0c947bd315e5b4423232e1549c"}) as unknown as TypedDocumentString<StartLearnerMutation, StartLearnerMutationVariables>;
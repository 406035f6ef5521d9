/**
 * Builds a quiz from the graph: the seed decides everything, so the same
 * (kind, count, seed, topic) always gives the same questions in the same
 * order — that is what a shared link and server-side grading rely on.
 */
import { collectInSlices } from "../collect-in-slices.ts";
import type { GraphSnapshot, SnapshotCitation } from "../graph-snapshot.ts";
import { studiedConcepts } from "../hierarchy.ts";
import { mentions } from "../phrasing.ts";
import { factsInPassage } from "./facts.ts";
import { seededRandom, type Random } from "../seeded-random.ts";
import { classificationCandidates, classificationQuestion, type ClassificationCandidate } from "./kinds/classification-questions.ts";
import { comparisonCandidates, comparisonQuestion, type ComparisonCandidate } from "./kinds/comparison-questions.ts";
import { definitionCandidates, definitionQuestion, namesakes } from "./kinds/definition-questions.ts";
import { prosConsCandidates, prosConsQuestion, type ProsConsCandidate } from "./kinds/pros-cons-questions.ts";
import { trueFalseCandidates, trueFalseQuestion, type TrueFalseCandidate } from "./kinds/true-false-questions.ts";
import { QUESTION_KINDS, type QuestionKind, type QuizKind, type QuizQuestion } from "./quiz-question.ts";

export interface QuizSpec {
  kind: QuizKind;
  count: number;
  seed: number;
  topic: string | null;
  /** When set, only questions about these concepts (a learner's weak spots). */
  focus?: string[] | undefined;
  /**
   * A single question on its own (an embedded card's "test yourself"): a true/false fact with no
   * believable false version may then be asked as true, which in a quiz would make True the safe guess.
   */
  single?: boolean;
}

export interface GeneratedQuiz extends QuizSpec {
  questions: QuizQuestion[];
}

interface KindSource<C> {
  /** Every candidate in the graph; collected once per graph snapshot. */
  candidates: (graph: GraphSnapshot) => Iterable<C>;
  /** Whether a candidate is about a concept of the topic. */
  touches: (graph: GraphSnapshot, candidate: C, inTopic: (slug: string) => boolean) => boolean;
  build: (graph: GraphSnapshot, candidate: C, random: Random, options: BuildOptions) => QuizQuestion | null;
}

export interface BuildOptions {
  /** See QuizSpec.single. */
  single: boolean;
  /**
   * Whether the next true/false statement is to be made false. A quiz deals these from a shuffled
   * deck of as many falses as trues, so its answers are balanced and in no pattern a learner could
   * follow (coin flips gave runs and, once, ten strict alternations); without it, a coin flip.
   */
  makeFalse?: () => boolean;
  /**
   * Whether an earlier question of the quiz already asked or showed a fact: a wrong choice the
   * learner has just seen answered elsewhere ("isolates workloads more strongly" was the last
   * answer) is no longer a choice to weigh, so builders pass over it.
   */
  spent?: (fact: string) => boolean;
}

type AnySource = KindSource<unknown>;

/** Forgets a source's candidate type: its candidates only ever go back to its own functions. */
function source<C>(typed: KindSource<C>): AnySource {
  return {
    candidates: (graph) => typed.candidates(graph),
    touches: (graph, candidate, inTopic) => typed.touches(graph, candidate as C, inTopic),
    build: (graph, candidate, random, options) => typed.build(graph, candidate as C, random, options),
  };
}

const SOURCES: Record<QuestionKind, AnySource> = {
  DEFINITION: source({
    candidates: (graph) => definitionCandidates(graph),
    touches: (_, slug: string, inTopic: (slug: string) => boolean) => inTopic(slug),
    build: definitionQuestion,
  }),
  CLASSIFICATION: source({
    candidates: (graph) => classificationCandidates(graph),
    touches: (_, c: ClassificationCandidate, inTopic) => inTopic(c.slug),
    build: classificationQuestion,
  }),
  COMPARISON: source({
    candidates: (graph) => comparisonCandidates(graph),
    touches: (_, c: ComparisonCandidate, inTopic) => inTopic(c.a) || inTopic(c.b),
    build: comparisonQuestion,
  }),
  PROS_CONS: source({
    candidates: (graph) => prosConsCandidates(graph),
    touches: (_, c: ProsConsCandidate, inTopic) => inTopic(c.subject),
    build: prosConsQuestion,
  }),
  TRUE_FALSE: source({
    candidates: (graph) => trueFalseCandidates(graph),
    touches: (_, c: TrueFalseCandidate, inTopic) => inTopic(c.subject),
    build: trueFalseQuestion,
  }),
};

const candidateCache = new WeakMap<GraphSnapshot, Map<QuestionKind, readonly unknown[]>>();

function remember(graph: GraphSnapshot, kind: QuestionKind, list: readonly unknown[]): readonly unknown[] {
  let perKind = candidateCache.get(graph);
  if (!perKind) {
    perKind = new Map();
    candidateCache.set(graph, perKind);
  }
  const known = perKind.get(kind);
  if (known) return known;
  perKind.set(kind, list);
  return list;
}

/** Every candidate question of a kind in the graph, found once per snapshot. */
export function quizCandidates(graph: GraphSnapshot, kind: QuestionKind): readonly unknown[] {
  return candidateCache.get(graph)?.get(kind) ?? remember(graph, kind, [...SOURCES[kind].candidates(graph)]);
}

/** The same list, collected in slices that leave the server responsive (for building ahead). */
export async function quizCandidatesInSlices(graph: GraphSnapshot, kind: QuestionKind): Promise<readonly unknown[]> {
  return candidateCache.get(graph)?.get(kind) ?? remember(graph, kind, await collectInSlices(SOURCES[kind].candidates(graph)));
}

/** One kind's questions, in seeded random order, built only as they are asked for. */
function questionStream(
  graph: GraphSnapshot,
  kind: QuestionKind,
  inTopic: ((slug: string) => boolean) | null,
  random: Random,
  options: BuildOptions,
): () => QuizQuestion | null {
  const kindSource = SOURCES[kind];
  const all = quizCandidates(graph, kind);
  const next = random.draw(inTopic ? all.filter((c) => kindSource.touches(graph, c, inTopic)) : all);
  return () => {
    for (let candidate = next(); candidate !== undefined; candidate = next()) {
      const question = kindSource.build(graph, candidate, random, options);
      if (question) return question;
    }
    return null;
  };
}

export class UnknownTopicError extends Error {}

const PHRASE_WORDS = 4;

const FUNCTION_WORDS = new Set(
  "a an the of to in on at by for with and or but as is are was were be it its it's that which who this these those from into than then so not no can may".split(" "),
);

/**
 * Every run of four words in a text, lower-cased, that holds at least three
 * words of content: what "the same phrase" means here ("of a virtual machine"
 * is common wording, "most popular container platform" a clue).
 */
function phrases(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  const runs: string[] = [];
  for (let i = 0; i + PHRASE_WORDS <= words.length; i++) {
    const run = words.slice(i, i + PHRASE_WORDS);
    if (run.filter((w) => !FUNCTION_WORDS.has(w)).length >= 3) runs.push(run.join(" "));
  }
  return runs;
}

/** All a question shows a learner, before and after answering. */
function shownText(question: QuizQuestion): string[] {
  return [question.prompt, ...question.choices.map((c) => c.text), question.explanation, ...Object.values(question.wrongNotes).map((n) => n.explanation)];
}

/** Every passage a question cites, for its answer and for its wrong choices. */
function shownCitations(question: QuizQuestion): SnapshotCitation[] {
  return [...question.citations, ...Object.values(question.wrongNotes).flatMap((n) => n.citations)];
}

/** Whether an earlier text named the concept, or a namesake whose name gives it away ("Docker" for Docker, Inc.). */
function namedEarlier(graph: GraphSnapshot, slug: string, texts: string[]): boolean {
  const concept = graph.concept.get(slug);
  if (!concept) return false;
  const named = [concept, ...namesakes(graph, concept).map((s) => graph.concept.get(s)).filter((c) => c !== undefined)];
  return texts.some((text) => named.some((c) => mentions(text, c)));
}

/** A two-choice question with its right choice first (0) or second (1). */
function answerAt(question: QuizQuestion, side: number): QuizQuestion {
  const right = question.choices.find((c) => c.id === question.correctChoiceId);
  const wrong = question.choices.find((c) => c.id !== question.correctChoiceId);
  return right && wrong ? { ...question, choices: side === 0 ? [right, wrong] : [wrong, right] } : question;
}

export function generateQuiz(graph: GraphSnapshot, spec: QuizSpec): GeneratedQuiz {
  if (spec.topic !== null && !graph.concept.has(spec.topic)) throw new UnknownTopicError(`No concept "${spec.topic.slice(0, 80)}" to take a topic from.`);
  const members = studiedConcepts(graph, spec.topic);
  let inTopic: ((slug: string) => boolean) | null = members === null ? null : (slug) => members.has(slug);
  if (spec.focus) {
    const focus = new Set(spec.focus);
    const topical = inTopic;
    inTopic = (slug) => focus.has(slug) && (topical === null || topical(slug));
  }
  const random = seededRandom(spec.seed);
  const kinds: QuestionKind[] = spec.kind === "MIXED" ? [...QUESTION_KINDS] : [spec.kind];
  // Half the true/false statements false, in shuffled order; the one at the head of the deck is used
  // until a true/false question is taken into the quiz.
  const verdicts = random.shuffle(Array.from({ length: spec.count }, (_, i) => i % 2 === 0));
  let verdictsDealt = 0;
  // Where the right one of two choices stands, dealt the same way: half first, half second. Drawn at random
  // question by question, some quizzes had every answer first, a pattern a review took for a giveaway. From
  // a random stream of its own, so that the questions a seed gives stay as they were.
  const sides = seededRandom(spec.seed ^ 0x5bd1e995).shuffle(Array.from({ length: spec.count }, (_, i) => i % 2));
  let sidesDealt = 0;
  const options: BuildOptions = {
    single: spec.single === true,
    makeFalse: () => verdicts[verdictsDealt] ?? random.next() < 0.5,
    spent: (fact) => told.has(fact),
  };
  const streams = new Map(kinds.map((k) => [k, questionStream(graph, k, inTopic, random, options)]));
  const questions: QuizQuestion[] = [];
  const seen = new Set<string>();
  // Facts already asked or shown: no fact is asked twice, nor asked after another question showed it.
  const told = new Set<string>();
  // Phrases already shown: a clue met earlier in the quiz (in a note, say) gives its answer away.
  const shown = new Set<string>();
  // Everything shown so far: a definition whose answer an earlier note named in context ("…and Swarm
  // connects them", then "the orchestration solution built into a container runtime") is given away.
  const shownTexts: string[] = [];
  while (questions.length < spec.count && streams.size > 0) {
    // MIXED draws each question's kind at random among those that still have questions.
    const live = [...streams.keys()];
    const kind = live[random.below(live.length)] as QuestionKind;
    const question = streams.get(kind)?.() ?? null;
    if (!question) {
      streams.delete(kind);
      continue;
    }
    if (seen.has(question.id) || question.facts.some((f) => told.has(f)) || question.unseen?.some((f) => told.has(f))) continue;
    if (question.clue !== undefined && phrases(question.clue).some((p) => shown.has(p))) continue;
    if (question.ask.type === "definition" && namedEarlier(graph, question.ask.concept, shownTexts)) continue;
    seen.add(question.id);
    if (question.kind === "TRUE_FALSE") verdictsDealt++;

    for (const f of [...question.facts, ...question.reveals]) told.add(f);
    for (const citation of shownCitations(question)) for (const f of factsInPassage(graph, citation)) told.add(f);
    for (const text of shownText(question)) {
      for (const p of phrases(text)) shown.add(p);
      shownTexts.push(text);
    }
    questions.push(question.kind !== "TRUE_FALSE" && question.choices.length === 2 ? answerAt(question, sides[sidesDealt++] ?? 0) : question);
  }
  return { ...spec, questions };
}

/** DEFINITION: a concept's summary is shown; pick the concept it describes. */
import type { GraphSnapshot } from "../../graph-snapshot.ts";
import { categoriesOf } from "../../hierarchy.ts";
import type { Random } from "../../seeded-random.ts";
import { conceptsOfKind } from "../facts.ts";
import { pickDistractors } from "../pick-distractors.ts";
import { makeQuestion, type QuizQuestion } from "../quiz-question.ts";

const slugLists = new WeakMap<GraphSnapshot, string[]>();

/** Every concept's slug (once per snapshot): each can be asked about, or be a wrong answer. */
export function definitionCandidates(graph: GraphSnapshot): string[] {
  let slugs = slugLists.get(graph);
  if (!slugs) {
    slugs = graph.concepts.map((c) => c.slug);
    slugLists.set(graph, slugs);
  }
  return slugs;
}

export function definitionQuestion(graph: GraphSnapshot, slug: string, random: Random): QuizQuestion | null {
  const concept = graph.concept.get(slug);
  if (!concept) return null;
  const categories = categoriesOf(graph, slug);
  const siblings = categories.flatMap((c) => (graph.incoming.get(c) ?? []).filter((r) => graph.classifying.has(r.type)).map((r) => r.from));
  const picked = pickDistractors(
    random,
    [
      { refs: siblings, closeness: 1 },
      { refs: conceptsOfKind(graph, concept.kind), closeness: 0.6 },
      { refs: definitionCandidates(graph), closeness: 0.2 },
    ],
    3,
    // Wrong when it is another concept with another summary.
    (ref) => ref !== slug && graph.concept.get(ref)?.summary !== concept.summary,
    (ref) => graph.concept.get(ref)?.name ?? ref,
    [concept.name],
  );
  if (!picked) return null;
  const refs = random.shuffle([slug, ...picked.refs]);
  return makeQuestion({
    kind: "DEFINITION",
    key: slug,
    prompt: `Which concept is this? “${concept.summary}”`,
    choices: refs.map((ref) => ({ ref, text: graph.concept.get(ref)?.name ?? ref })),
    correctRef: slug,
    subject: slug,
    ask: { type: "definition", concept: slug },
    difficulty: picked.difficulty,
    explanation: `That is the summary of ${concept.name}.`,
    citations: graph.citationsOfConcept.get(concept.id) ?? [],
  });
}

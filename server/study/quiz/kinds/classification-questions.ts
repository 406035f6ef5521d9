/**
 * CLASSIFICATION: which category does a concept belong to (type 1 or type 2
 * hypervisor?), or what kind of thing is it (container runtime, image builder
 * or hypervisor?). A wrong category is one the concept is not classified
 * under at any level, so "Xen is a hypervisor" is never offered as wrong.
 */
import type { GraphSnapshot } from "../../graph-snapshot.ts";
import { allCategories, ancestorsOf, categoriesOf, categoriesOfKind, isCategory, siblingCategories } from "../../hierarchy.ts";
import type { Random } from "../../seeded-random.ts";
import { conceptsOfKind } from "../facts.ts";
import { pickDistractors } from "../pick-distractors.ts";
import { makeQuestion, type QuizQuestion } from "../quiz-question.ts";

export type ClassificationCandidate = { form: "category" | "kind"; slug: string };

export function classificationCandidates(graph: GraphSnapshot): ClassificationCandidate[] {
  const candidates: ClassificationCandidate[] = [];
  for (const concept of graph.concepts) {
    if (categoriesOf(graph, concept.slug).length > 0) candidates.push({ form: "category", slug: concept.slug });
    if (conceptsOfKind(graph, concept.kind).length > 1) candidates.push({ form: "kind", slug: concept.slug });
  }
  return candidates;
}

export function classificationQuestion(graph: GraphSnapshot, candidate: ClassificationCandidate, random: Random): QuizQuestion | null {
  const concept = graph.concept.get(candidate.slug);
  if (!concept) return null;
  const cited = (graph.outgoing.get(concept.slug) ?? []).filter((r) => graph.classifying.has(r.type));

  if (candidate.form === "category") {
    const categories = categoriesOf(graph, concept.slug);
    const correct = categories[random.below(categories.length)] as string;
    const above = ancestorsOf(graph, concept.slug);
    // Categories beside the right one (sharing a broader category) are the hardest wrong answers.
    const besides = siblingCategories(graph, correct);
    const all = allCategories(graph);
    const correctKind = graph.concept.get(correct)?.kind ?? "";
    const picked = pickDistractors(
      random,
      [
        { refs: besides.filter((c) => isCategory(graph, c)), closeness: 1 },
        { refs: categoriesOfKind(graph, correctKind), closeness: 0.6 },
        { refs: all, closeness: 0.2 },
      ],
      3,
      (ref) => ref !== concept.slug && !above.has(ref),
      (ref) => graph.concept.get(ref)?.name ?? ref,
      [graph.concept.get(correct)?.name ?? correct],
    );
    if (!picked) return null;
    const refs = random.shuffle([correct, ...picked.refs]);
    const relation = cited.find((r) => r.to === correct);
    return makeQuestion({
      kind: "CLASSIFICATION",
      key: `category:${concept.slug}`,
      prompt: `${concept.name} is classified under which of these?`,
      choices: refs.map((ref) => ({ ref, text: graph.concept.get(ref)?.name ?? ref })),
      correctRef: correct,
      subject: concept.slug,
      ask: { type: "category", subject: concept.slug },
      difficulty: picked.difficulty,
      explanation: `${concept.name} ${relation?.label ?? "belongs to"} ${graph.concept.get(correct)?.name ?? correct}.`,
      citations: relation ? (graph.citationsOfRelation.get(relation.id) ?? []) : [],
    });
  }

  // Kind form: the kinds of concepts near this one are the hardest wrong answers.
  const near = new Set<string>();
  for (const category of categoriesOf(graph, concept.slug)) {
    for (const parent of [category, ...categoriesOf(graph, category)]) {
      for (const r of graph.incoming.get(parent) ?? []) {
        for (const r2 of [r, ...(graph.incoming.get(r.from) ?? [])]) {
          const kind = graph.concept.get(r2.from)?.kind;
          if (kind) near.add(kind);
        }
      }
    }
  }
  const kinds = [...graph.kinds.keys()];
  const picked = pickDistractors(
    random,
    [
      { refs: [...near], closeness: 1 },
      { refs: kinds, closeness: 0.3 },
    ],
    3,
    (ref) => ref !== concept.kind,
    (ref) => graph.kinds.get(ref)?.label ?? ref,
    [graph.kinds.get(concept.kind)?.label ?? concept.kind],
  );
  if (!picked) return null;
  const refs = random.shuffle([concept.kind, ...picked.refs]);
  const label = graph.kinds.get(concept.kind)?.label ?? concept.kind;
  return makeQuestion({
    kind: "CLASSIFICATION",
    key: `kind:${concept.slug}`,
    prompt: `What kind of thing is ${concept.name}?`,
    choices: refs.map((ref) => ({ ref, text: graph.kinds.get(ref)?.label ?? ref })),
    correctRef: concept.kind,
    subject: concept.slug,
    ask: { type: "kind", subject: concept.slug },
    difficulty: picked.difficulty,
    explanation: `${concept.name} is ${/^[aeiou]/i.test(label) ? "an" : "a"} ${label.toLowerCase()}: ${concept.summary}`,
    citations: graph.citationsOfConcept.get(concept.id) ?? [],
  });
}

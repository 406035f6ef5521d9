/**
 * CLASSIFICATION: what is a concept ("What is Xen?" — a type 1 or a type 2
 * hypervisor?). A wrong category is one the graph proves the concept is not
 * under: a disjoint relation sets it apart from one of the concept's own
 * categories. So "a hypervisor" is never offered as wrong for Xen, and no
 * category is offered as wrong merely because no relation links the two.
 */
import type { GraphSnapshot, SnapshotConcept, SnapshotRelation } from "../../graph-snapshot.ts";
import { allCategories, categoriesOf, categoriesOfKind, isCategory, siblingCategories } from "../../hierarchy.ts";
import { conceptChoice, conceptPhrase, fillPattern, listOf, mentions, namesOf, sayRelation, sentence } from "../../phrasing.ts";
import type { Random } from "../../seeded-random.ts";
import { disproofOfCategory } from "../facts.ts";
import { pickDistractors } from "../pick-distractors.ts";
import { makeQuestion, type QuizQuestion, type WrongChoiceNote } from "../quiz-question.ts";

export type ClassificationCandidate = { slug: string };

/**
 * The categories worth asking about: not those the concept's own name already
 * says ("an application container" is a container).
 */
export function askableCategories(graph: GraphSnapshot, concept: SnapshotConcept): string[] {
  return categoriesOf(graph, concept.slug).filter((slug) => {
    const category = graph.concept.get(slug);
    return category !== undefined && !namesOf(concept).some((name) => mentions(name, category));
  });
}

export function classificationCandidates(graph: GraphSnapshot): ClassificationCandidate[] {
  return graph.concepts.filter((c) => askableCategories(graph, c).length > 0).map((c) => ({ slug: c.slug }));
}

/** Why a category is wrong for the concept: the disjoint relation, as a sentence. */
export function whyNotUnder(graph: GraphSnapshot, concept: SnapshotConcept, category: SnapshotConcept): WrongChoiceNote | null {
  const disproof = disproofOfCategory(graph, concept.slug, category.slug);
  if (!disproof) return null;
  const from = graph.concept.get(disproof.from);
  const to = graph.concept.get(disproof.to);
  if (!from || !to) return null;
  // Which end of the disjoint relation the concept lies under, and which the category.
  const ownEnd = pathUp(graph, concept.slug, disproof.from).length > 0 || disproof.from === concept.slug ? from : to;
  const otherEnd = ownEnd === from ? to : from;
  const steps: string[] = [];
  const citations = [...(graph.citationsOfRelation.get(disproof.id) ?? [])];
  // Each step up the hierarchy is said with the relation that makes it, and cited.
  const climb = (lower: SnapshotConcept, upper: SnapshotConcept) => {
    for (const relation of pathUp(graph, lower.slug, upper.slug)) {
      const from = graph.concept.get(relation.from);
      const to = graph.concept.get(relation.to);
      if (!from || !to) continue;
      citations.push(...(graph.citationsOfRelation.get(relation.id) ?? []));
      steps.push(sayRelation(graph, relation.type, from, to, { start: false }));
    }
  };
  climb(concept, ownEnd);
  steps.push(sayRelation(graph, disproof.type, ownEnd, otherEnd, { start: false }));
  climb(category, otherEnd);
  const not = fillPattern("{subject} {is not|are not} {object}", { subject: conceptPhrase(concept), object: conceptPhrase(category).text });
  return { explanation: `${not}: ${sentence(listOf(steps))}`, citations };
}

/** The classifying relations leading up from a concept to a category above it (shortest chain). */
function pathUp(graph: GraphSnapshot, from: string, to: string): SnapshotRelation[] {
  if (from === to) return [];
  const cameBy = new Map<string, SnapshotRelation>();
  const queue = [from];
  for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
    for (const relation of graph.outgoing.get(at) ?? []) {
      if (!graph.classifying.has(relation.type) || cameBy.has(relation.to) || relation.to === from) continue;
      cameBy.set(relation.to, relation);
      if (relation.to === to) {
        const path: SnapshotRelation[] = [];
        for (let step = cameBy.get(to); step; step = step.from === from ? undefined : cameBy.get(step.from)) path.unshift(step);
        return path;
      }
      queue.push(relation.to);
    }
  }
  return [];
}

export function classificationQuestion(graph: GraphSnapshot, candidate: ClassificationCandidate, random: Random): QuizQuestion | null {
  const concept = graph.concept.get(candidate.slug);
  if (!concept) return null;
  const categories = askableCategories(graph, concept);
  if (categories.length === 0) return null;
  const correct = categories[random.below(categories.length)] as string;
  const category = graph.concept.get(correct);
  const relation = (graph.outgoing.get(concept.slug) ?? []).find((r) => r.to === correct && graph.classifying.has(r.type));
  if (!category || !relation) return null;
  // As many proven-wrong categories as the graph has, up to three; "type 1 or type 2?" is a fair question too.
  const tiers = [
    { refs: siblingCategories(graph, correct).filter((c) => isCategory(graph, c)), closeness: 1 },
    { refs: categoriesOfKind(graph, category.kind), closeness: 0.6 },
    { refs: allCategories(graph), closeness: 0.2 },
  ];
  const isWrong = (ref: string) => ref !== concept.slug && disproofOfCategory(graph, concept.slug, ref) !== null;
  const textOf = (ref: string) => (graph.concept.get(ref) ? conceptChoice(graph.concept.get(ref) as SnapshotConcept) : ref);
  let wrong = null;
  for (let count = 3; count >= 1 && !wrong; count--) wrong = pickDistractors(random, tiers, count, isWrong, textOf, [conceptChoice(category)]);
  if (!wrong) return null;
  const refs = random.shuffle([correct, ...wrong.refs]);
  const subject = conceptPhrase(concept);
  return makeQuestion({
    kind: "CLASSIFICATION",
    key: `category:${concept.slug}`,
    prompt: `${fillPattern("What {is|are} {subject}?", { subject })}`.replace(/\?*$/, "?"),
    choices: refs.map((ref) => {
      const other = graph.concept.get(ref) as SnapshotConcept;
      const whyWrong = whyNotUnder(graph, concept, other);
      return { ref, text: conceptChoice(other), ...(whyWrong ? { whyWrong } : {}) };
    }),
    correctRef: correct,
    subject: concept.slug,
    ask: { type: "category", subject: concept.slug },
    difficulty: wrong.difficulty,
    explanation: sentence(sayRelation(graph, relation.type, concept, category)),
    citations: graph.citationsOfRelation.get(relation.id) ?? [],
    facts: [`category:${concept.slug}`],
  });
}

/**
 * CLASSIFICATION: what is a concept ("What is Xen?" — a type 1 or a type 2
 * hypervisor?). A wrong category is one the graph proves the concept is not
 * under: a disjoint relation sets it apart from one of the concept's own
 * categories. So "a hypervisor" is never offered as wrong for Xen, and no
 * category is offered as wrong merely because no relation links the two.
 */
import { summaryCitations, type GraphSnapshot, type SnapshotConcept, type SnapshotRelation } from "../../graph-snapshot.ts";
import { categoriesOf, categoriesOfKind, categoriesReachedBy, everyCategoryOf, everythingAbove, isCategory, siblingCategories } from "../../hierarchy.ts";
import { conceptChoice, conceptPhrase, fillPattern, listOf, lowerArticle, mentions, namesOf, sayRelation, sentence, sharesWord, startsWithArticle } from "../../phrasing.ts";
import type { Random } from "../../seeded-random.ts";
import { canBeProvenOutside, categoryThemes, disproofOfCategory } from "../facts.ts";
import { anyWrong, pickDistractors } from "../pick-distractors.ts";
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

/** Concepts with a category to ask about, and wrong ones the graph can prove: nothing else makes a question. */
export function classificationCandidates(graph: GraphSnapshot): ClassificationCandidate[] {
  return graph.studied.filter((c) => askableCategories(graph, c).length > 0 && canBeProvenOutside(graph, c.slug)).map((c) => ({ slug: c.slug }));
}

/**
 * What a category is, to follow its name: ", a hypervisor that runs directly on
 * the hardware" for a summary that reads as a noun phrase, ", which means
 * virtualizing only…" for one that starts with a verb's -ing form.
 */
export function whatCategoryIs(category: SnapshotConcept): string {
  const summary = category.summary.replace(/[.\s]+$/, "");
  const lowered = `${summary.charAt(0).toLowerCase()}${summary.slice(1)}`;
  if (startsWithArticle(summary)) return `, ${lowerArticle(summary)}`;
  if (/^\p{Lu}\p{Ll}+ing\s/u.test(summary)) return `, which means ${lowered}`;
  // An uncountable category's summary starts with a bare noun: "Virtualization in which…".
  if (category.uncountable && /^\p{Lu}\p{Ll}+\s/u.test(summary)) return `, which is ${lowered}`;
  return "";
}

/**
 * Why a category is wrong for the concept: what that category is (so the
 * learner sees the difference), or else the chain of relations that sets the
 * two apart, each step cited.
 */
export function whyNotUnder(graph: GraphSnapshot, concept: SnapshotConcept, category: SnapshotConcept, asked?: string): WrongChoiceNote | null {
  const disproof = disproofOfCategory(graph, concept.slug, category.slug);
  if (!disproof) return null;
  const from = graph.concept.get(disproof.from);
  const to = graph.concept.get(disproof.to);
  if (!from || !to) return null;
  // Said as the relation asked about, negated: "A container is not an example of hardware virtualization".
  const pattern = (asked && graph.relationSentences.get(asked)) || "{subject} {is|are} {object}";
  const negated = pattern.includes("{is|are}") ? pattern.replace("{is|are}", "{is not|are not}") : "{subject} {is not|are not} {object}";
  const not = fillPattern(negated, { subject: conceptPhrase(concept), object: conceptPhrase(category).text });
  const citations = [...(graph.citationsOfRelation.get(disproof.id) ?? [])];
  if (whatCategoryIs(category)) {
    citations.push(...summaryCitations(graph, category));
    const what = whatCategoryIs(category);
    // "…: that is a hypervisor that…" for a noun phrase; "…, which means virtualizing…" reads on by itself.
    return { explanation: sentence(what.startsWith(", which") ? `${not}${what}` : `${not}: that is${what.slice(1)}`), citations };
  }
  // Which end of the disjoint relation the concept lies under, and which the category.
  const ownEnd = pathUp(graph, concept.slug, disproof.from).length > 0 || disproof.from === concept.slug ? from : to;
  const otherEnd = ownEnd === from ? to : from;
  const steps: string[] = [];
  const climb = (lower: SnapshotConcept, upper: SnapshotConcept) => {
    for (const relation of pathUp(graph, lower.slug, upper.slug)) {
      const a = graph.concept.get(relation.from);
      const b = graph.concept.get(relation.to);
      if (!a || !b) continue;
      citations.push(...(graph.citationsOfRelation.get(relation.id) ?? []));
      steps.push(sayRelation(graph, relation.type, a, b, { start: false }));
    }
  };
  climb(concept, ownEnd);
  steps.push(sayRelation(graph, disproof.type, ownEnd, otherEnd, { start: false }));
  climb(category, otherEnd);
  return { explanation: `${not}: ${sentence(listOf(steps))}`, citations };
}

/** Whether one of two categories lies above the other: offered together, both could be ruled out unseen. */
export function onOneLine(graph: GraphSnapshot, a: string, b: string): boolean {
  return a === b || everythingAbove(graph, a).has(b) || everythingAbove(graph, b).has(a);
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
    // Farther off, only categories that something stands in the same relation to: what things are
    // "examples of" for "A container is an example of which of these?" (never "a container image").
    { refs: categoriesReachedBy(graph, relation.type), closeness: 0.2 },
  ];
  const isWrong = (ref: string) => ref !== concept.slug && disproofOfCategory(graph, concept.slug, ref) !== null;
  // No category of the tiers proven wrong: no question, found before drawing any.
  if (!anyWrong(tiers, isWrong)) return null;
  const textOf = (ref: string) => (graph.concept.get(ref) ? conceptChoice(graph.concept.get(ref) as SnapshotConcept) : ref);
  // No choice above or below another (offering "a hypervisor" beside "a type 1 hypervisor" rules both out unseen).
  // Nor two sibling distractors the answer is not a sibling of ("type 1 or type 2 hypervisor" beside
  // "container runtime" leaves the answer the odd one out).
  const parentsOf = (ref: string) => everyCategoryOf(graph, ref);
  const answerParents = parentsOf(correct);
  const siblingsApart = (x: string, y: string) => [...parentsOf(x)].some((p) => parentsOf(y).has(p) && !answerParents.has(p));
  const fitsWith = (ref: string, picked: readonly string[]) =>
    !onOneLine(graph, ref, correct) && picked.every((p) => !onOneLine(graph, ref, p) && !siblingsApart(ref, p));
  // A far category beside the answer's sibling gives itself away: whoever knows that ESXi is a hypervisor
  // rules out "a container runtime" unseen and is left with type 1 or type 2, as a review found. With a
  // sibling proven wrong, the choices stay within the answer's kind (or make the either/or below).
  const reach = tiers[0]?.refs.some(isWrong) ? tiers.slice(0, 2) : tiers;
  let wrong = pickDistractors(random, reach, 3, isWrong, textOf, [conceptChoice(category)], fitsWith);
  wrong ??= pickDistractors(random, reach, 2, isWrong, textOf, [conceptChoice(category)], fitsWith);
  // Two sibling categories alone make a fair either/or ("operating-system-level or hardware virtualization?"),
  // unless the subject's name echoes the categories' ("virtual machine" beside "…virtualization"): with
  // one guess in two to start from, such names invite matching words (machine, hardware) instead of
  // knowing the distinction, as three reviews in a row found of the VM's.
  if (!wrong) {
    wrong = pickDistractors(random, tiers.slice(0, 1), 1, isWrong, textOf, [conceptChoice(category)], fitsWith);
    if (wrong && [correct, ...wrong.refs].some((ref) => sharesWord(concept.name, graph.concept.get(ref)?.name ?? ""))) return null;
  }
  if (!wrong) return null;
  const refs = random.shuffle([correct, ...wrong.refs]);
  const subject = conceptPhrase(concept);
  const pattern = graph.relationSentences.get(relation.type) ?? "";
  // "What is Xen?" for a plain "is"; otherwise the relation asks: "A container is a form of which of these?"
  const prompt = /^\{subject\} \{is\|are\} \{object\}$/.test(pattern) || !pattern
    ? fillPattern("What {is|are} {subject}", { subject })
    : fillPattern(pattern, { subject, object: "which of these" });
  return makeQuestion({
    kind: "CLASSIFICATION",
    key: `category:${concept.slug}`,
    prompt: `${prompt}?`,
    choices: refs.map((ref) => {
      const other = graph.concept.get(ref) as SnapshotConcept;
      const whyWrong = whyNotUnder(graph, concept, other, relation.type);
      return { ref, text: conceptChoice(other), ...(whyWrong ? { whyWrong } : {}) };
    }),
    correctRef: correct,
    subject: concept.slug,
    ask: { type: "category", subject: concept.slug },
    difficulty: wrong.difficulty,
    explanation: sentence(`${sayRelation(graph, relation.type, concept, category)}${whatCategoryIs(category)}`),
    citations: [...(graph.citationsOfRelation.get(relation.id) ?? []), ...(whatCategoryIs(category) ? summaryCitations(graph, category) : [])],
    // One question per category in a quiz (Buildah's answers Kaniko's), and the wrong choices' notes define them.
    // And the lesson the category teaches (hardware virtualization: an OS of its own per instance).
    facts: [`category:${concept.slug}`, `under:${correct}`, ...categoryThemes(graph, correct)],
    // An either/or settles the other side too ("a VM is hardware virtualization" leaves "a container…" nothing to ask).
    // Not asked once a note has described the category at length.
    unseen: [`explained:${correct}`],
    // The category's gloss says what the subject is at length: its values are not asked after it.
    reveals: [
      `summary:${correct}`,
      `described:${concept.slug}`,
      `explained:${correct}`,
      ...(whatCategoryIs(category) ? [`described:${correct}`] : []),
      ...wrong.refs.map((r) => `summary:${r}`),
      ...(wrong.refs.length === 1 ? wrong.refs.map((r) => `under:${r}`) : []),
    ],
  });
}

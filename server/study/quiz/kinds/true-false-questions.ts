/**
 * TRUE_FALSE: a fact about a concept, sometimes corrupted with a plausible
 * wrong object — a neighbouring category it does not belong to, or the value
 * its compared counterpart has on the same aspect. Two choices by nature.
 * Candidates are cheap (a subject and a true fact); the corruption is looked
 * for only when a question is built, so huge graphs stay fast.
 */
import { contrastPartners } from "../../flashcards/generate-flashcards.ts";
import type { GraphSnapshot } from "../../graph-snapshot.ts";
import { ancestorsOf, categoriesOf, categoriesOfKind, isCategory, siblingCategories } from "../../hierarchy.ts";
import type { Random } from "../../seeded-random.ts";
import { holds, valuedClaims } from "../facts.ts";
import { pickDistractors } from "../pick-distractors.ts";
import { makeQuestion, type Fact, type QuizQuestion } from "../quiz-question.ts";

export type TrueFalseCandidate = { subject: string; truth: Fact };

export function trueFalseCandidates(graph: GraphSnapshot): TrueFalseCandidate[] {
  const candidates: TrueFalseCandidate[] = [];
  for (const concept of graph.concepts) {
    for (const category of categoriesOf(graph, concept.slug)) candidates.push({ subject: concept.slug, truth: { category } });
    for (const claim of valuedClaims(graph, concept.slug)) {
      candidates.push({ subject: concept.slug, truth: { aspect: claim.aspect as string, value: claim.value as string } });
    }
  }
  return candidates;
}

/** A plausible false version of the fact, or null when the graph offers none it can vouch for. */
function corruption(graph: GraphSnapshot, subject: string, truth: Fact, random: Random): Fact | null {
  if ("category" in truth) {
    const above = ancestorsOf(graph, subject);
    const kind = graph.concept.get(truth.category)?.kind ?? "";
    const picked = pickDistractors(
      random,
      [
        { refs: siblingCategories(graph, truth.category).filter((c) => isCategory(graph, c)), closeness: 1 },
        { refs: categoriesOfKind(graph, kind), closeness: 0.6 },
      ],
      1,
      (ref) => ref !== subject && !above.has(ref),
      (ref) => ref,
      [truth.category],
    );
    return picked?.refs[0] ? { category: picked.refs[0] } : null;
  }
  const values = contrastPartners(graph, subject)
    .flatMap((p) => valuedClaims(graph, p).filter((c) => c.aspect === truth.aspect))
    .map((c) => ({ aspect: truth.aspect, value: c.value as string }))
    .filter((f) => !holds(graph, subject, f));
  return values.length ? (values[random.below(values.length)] as Fact) : null;
}

export function trueFalseQuestion(graph: GraphSnapshot, candidate: TrueFalseCandidate, random: Random): QuizQuestion | null {
  const concept = graph.concept.get(candidate.subject);
  if (!concept) return null;
  const wrong = random.next() < 0.5 ? corruption(graph, concept.slug, candidate.truth, random) : null;
  const fact = wrong ?? candidate.truth;
  const isTrue = holds(graph, concept.slug, fact);
  const name = (slug: string) => graph.concept.get(slug)?.name ?? slug;
  const truth = candidate.truth;
  const relation = "category" in truth ? (graph.outgoing.get(concept.slug) ?? []).find((r) => r.to === truth.category) : undefined;
  // Both the true and the corrupted statement read with the true relation's label ("is an instance of").
  const say = (f: Fact) =>
    "category" in f
      ? `${concept.name} ${relation?.label ?? "is a kind of"} ${name(f.category)}.`
      : `${graph.aspects.get(f.aspect) ?? f.aspect} of ${concept.name}: ${f.value}.`;
  const claim = "aspect" in truth ? valuedClaims(graph, concept.slug).find((c) => c.aspect === truth.aspect && c.value === truth.value) : undefined;
  return makeQuestion({
    kind: "TRUE_FALSE",
    key: `${concept.slug}|${JSON.stringify(fact)}`,
    prompt: `True or false? ${say(fact)}`,
    choices: [
      { ref: "true", text: "True" },
      { ref: "false", text: "False" },
    ],
    correctRef: isTrue ? "true" : "false",
    subject: concept.slug,
    ask: { type: "true-false", subject: concept.slug, fact },
    difficulty: wrong ? 0.7 : 0.4,
    explanation: isTrue ? `True. ${claim?.statement ?? say(fact)}` : `False. ${say(truth)}`,
    citations: relation ? (graph.citationsOfRelation.get(relation.id) ?? []) : claim ? (graph.citationsOfClaim.get(claim.id) ?? []) : [],
  });
}

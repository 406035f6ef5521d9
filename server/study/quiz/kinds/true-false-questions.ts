/**
 * TRUE_FALSE: a fact about a concept, sometimes corrupted with a plausible
 * wrong object — a neighbouring category it does not belong to, or the value
 * its compared counterpart has on the same aspect. Two choices by nature.
 */
import { contrastedPairs } from "../../flashcards/generate-flashcards.ts";
import type { GraphSnapshot } from "../../graph-snapshot.ts";
import { allCategories, ancestorsOf, categoriesOf } from "../../hierarchy.ts";
import type { Random } from "../../seeded-random.ts";
import { holds, valuedClaims } from "../facts.ts";
import { makeQuestion, type Fact, type QuizQuestion } from "../quiz-question.ts";

export type TrueFalseCandidate = { subject: string; truth: Fact; corruptions: Fact[] };

export function trueFalseCandidates(graph: GraphSnapshot, inTopic: (slug: string) => boolean): TrueFalseCandidate[] {
  const candidates: TrueFalseCandidate[] = [];
  const categories = allCategories(graph);
  const partners = new Map<string, string[]>();
  for (const { a, b } of contrastedPairs(graph)) {
    partners.set(a, [...(partners.get(a) ?? []), b]);
    partners.set(b, [...(partners.get(b) ?? []), a]);
  }
  for (const concept of graph.concepts) {
    if (!inTopic(concept.slug)) continue;
    const above = ancestorsOf(graph, concept.slug);
    for (const category of categoriesOf(graph, concept.slug)) {
      // Wrong categories next to the right one: those sharing its broader category, then those of its kind.
      const parents = categoriesOf(graph, category);
      const kind = graph.concept.get(category)?.kind;
      const near = categories.filter(
        (c) => c !== concept.slug && !above.has(c) && (categoriesOf(graph, c).some((p) => parents.includes(p)) || graph.concept.get(c)?.kind === kind),
      );
      candidates.push({ subject: concept.slug, truth: { category }, corruptions: near.map((c) => ({ category: c })) });
    }
    for (const claim of valuedClaims(graph, concept.slug)) {
      const corruptions = (partners.get(concept.slug) ?? [])
        .flatMap((p) => valuedClaims(graph, p).filter((c) => c.aspect === claim.aspect))
        .map((c) => ({ aspect: claim.aspect as string, value: c.value as string }))
        .filter((f) => !holds(graph, concept.slug, f));
      candidates.push({ subject: concept.slug, truth: { aspect: claim.aspect as string, value: claim.value as string }, corruptions });
    }
  }
  return candidates;
}

export function trueFalseQuestion(graph: GraphSnapshot, candidate: TrueFalseCandidate, random: Random): QuizQuestion | null {
  const concept = graph.concept.get(candidate.subject);
  if (!concept) return null;
  const corrupt = candidate.corruptions.length > 0 && random.next() < 0.5;
  const fact = corrupt ? (candidate.corruptions[random.below(candidate.corruptions.length)] as Fact) : candidate.truth;
  const isTrue = holds(graph, concept.slug, fact);
  const name = (slug: string) => graph.concept.get(slug)?.name ?? slug;
  const truth = candidate.truth;
  const relation = "category" in truth ? (graph.outgoing.get(concept.slug) ?? []).find((r) => r.to === truth.category) : undefined;
  // Both the true and the corrupted statement read with the true relation's label ("is an instance of").
  const say = (f: Fact) =>
    "category" in f
      ? `${concept.name} ${relation?.label ?? "is a kind of"} ${name(f.category)}.`
      : `${graph.aspects.get(f.aspect) ?? f.aspect} of ${concept.name}: ${f.value}.`;
  const statement = say(fact);
  const truthText = say(truth);
  const claim = "aspect" in candidate.truth ? valuedClaims(graph, concept.slug).find((c) => "aspect" in candidate.truth && c.aspect === candidate.truth.aspect && c.value === candidate.truth.value) : undefined;
  return makeQuestion({
    kind: "TRUE_FALSE",
    key: `${concept.slug}|${JSON.stringify(fact)}`,
    prompt: `True or false? ${statement}`,
    choices: [
      { ref: "true", text: "True" },
      { ref: "false", text: "False" },
    ],
    correctRef: isTrue ? "true" : "false",
    subject: concept.slug,
    ask: { type: "true-false", subject: concept.slug, fact },
    difficulty: corrupt ? 0.7 : 0.4,
    explanation: isTrue ? `True. ${claim?.statement ?? statement}` : `False. ${truthText}`,
    citations: relation ? (graph.citationsOfRelation.get(relation.id) ?? []) : claim ? (graph.citationsOfClaim.get(claim.id) ?? []) : [],
  });
}

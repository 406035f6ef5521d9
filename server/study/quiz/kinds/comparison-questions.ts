/**
 * COMPARISON: is a fact true of one concept of a compared pair, of the other,
 * or of both? Only facts whose falsehood the graph also knows are asked: a
 * value on an aspect both concepts have values on, or a category (the
 * taxonomy says what each is). A missing relation proves nothing, so
 * "which uses namespaces?" is never asked this way.
 */
import { contrastedPairs } from "../../flashcards/generate-flashcards.ts";
import type { GraphSnapshot } from "../../graph-snapshot.ts";
import { ancestorsOf } from "../../hierarchy.ts";
import type { Random } from "../../seeded-random.ts";
import { describeFact, holds, valuedClaims } from "../facts.ts";
import { makeQuestion, type Fact, type QuizQuestion } from "../quiz-question.ts";

export type ComparisonCandidate = { a: string; b: string; fact: Fact };

/** Generated one pair at a time: on a big graph there are over a million, collected in slices. */
export function* comparisonCandidates(graph: GraphSnapshot): Generator<ComparisonCandidate> {
  for (const { a, b, aspects } of contrastedPairs(graph)) {
    const shared = new Set(aspects);
    const seen = new Set<string>();
    for (const side of [a, b]) {
      for (const claim of valuedClaims(graph, side)) {
        if (!shared.has(claim.aspect as string)) continue;
        const key = `${claim.aspect}=${(claim.value as string).toLowerCase()}`;
        if (seen.has(key)) continue;
        seen.add(key);
        yield { a, b, fact: { aspect: claim.aspect as string, value: claim.value as string } };
      }
      for (const category of [...ancestorsOf(graph, side)].sort()) {
        if (category === a || category === b || seen.has(`category=${category}`)) continue;
        seen.add(`category=${category}`);
        yield { a, b, fact: { category } };
      }
    }
  }
}

export function comparisonQuestion(graph: GraphSnapshot, candidate: ComparisonCandidate, random: Random): QuizQuestion | null {
  const a = graph.concept.get(candidate.a);
  const b = graph.concept.get(candidate.b);
  if (!a || !b) return null;
  const onA = holds(graph, a.slug, candidate.fact);
  const onB = holds(graph, b.slug, candidate.fact);
  if (!onA && !onB) return null;
  const correct = onA && onB ? "both" : onA ? "a" : "b";
  const fact = describeFact(graph, candidate.fact);
  const [first, second] = random.next() < 0.5 ? [a, b] : [b, a];
  const refOf = (slug: string) => (slug === a.slug ? "a" : "b");
  const claims = "aspect" in candidate.fact
    ? [a.slug, b.slug].flatMap((s) => valuedClaims(graph, s).filter((c) => "aspect" in candidate.fact && c.aspect === candidate.fact.aspect))
    : [];
  let explanation: string;
  if ("aspect" in candidate.fact) {
    explanation = claims.map((c) => c.statement).join(" ");
  } else {
    const category = graph.concept.get(candidate.fact.category)?.name ?? candidate.fact.category;
    explanation =
      onA && onB
        ? `Both ${a.name} and ${b.name} fall under ${category}.`
        : `${onA ? a.name : b.name} falls under ${category}; ${onA ? b.name : a.name} does not.`;
  }
  return makeQuestion({
    kind: "COMPARISON",
    key: `${a.slug}|${b.slug}|${JSON.stringify(candidate.fact)}`,
    prompt: `True of ${first.name}, of ${second.name}, or of both? “${fact}”`,
    choices: [
      { ref: refOf(first.slug), text: first.name },
      { ref: refOf(second.slug), text: second.name },
      { ref: "both", text: "Both" },
    ],
    correctRef: correct,
    subject: a.slug,
    ask: { type: "comparison", a: a.slug, b: b.slug, fact: candidate.fact },
    // A fact true of both is the hardest to spot; a category the easiest.
    difficulty: correct === "both" ? 0.8 : "aspect" in candidate.fact ? 0.5 : 0.3,
    explanation,
    citations: claims.flatMap((c) => graph.citationsOfClaim.get(c.id) ?? []),
  });
}

/**
 * COMPARISON: of two concepts the graph contrasts, which one has a value on an
 * aspect ("Which one starts in seconds: a container or a virtual machine?"),
 * or both. Only aspects both concepts have values on are asked, so the graph
 * knows the answer for each side; a value that names either concept would
 * give the answer away and is not asked. A comparative aspect ("isolates
 * workloads more strongly") is asked of the two alone, without "both".
 */
import { contrastedPairs } from "../../flashcards/generate-flashcards.ts";
import type { GraphSnapshot, SnapshotConcept } from "../../graph-snapshot.ts";
import { aspectPattern, askValue, capitalise, conceptPhrase, genericPhrase, pointsAt, sayValue, sentence } from "../../phrasing.ts";
import type { Random } from "../../seeded-random.ts";
import { themeFact, truthOf, valuesOn } from "../facts.ts";
import { makeQuestion, type QuizQuestion, type WrongChoiceNote } from "../quiz-question.ts";

export type ComparisonCandidate = { a: string; b: string; aspect: string; value: string };

/** Generated one pair at a time: on a big graph there are over a million, collected in slices. */
export function* comparisonCandidates(graph: GraphSnapshot): Generator<ComparisonCandidate> {
  for (const { a, b, aspects } of contrastedPairs(graph)) {
    if (graph.focus !== null && !graph.focus.has(a) && !graph.focus.has(b)) continue;
    for (const aspect of aspects) {
      const seen = new Set<string>();
      for (const side of [a, b]) {
        for (const claim of valuesOn(graph, side, aspect)) {
          const value = claim.value as string;
          if (seen.has(value.toLowerCase())) continue;
          seen.add(value.toLowerCase());
          yield { a, b, aspect, value };
        }
      }
    }
  }
}

/** What the graph says of one side on the aspect, as sentences, with their sources. */
function sideNote(graph: GraphSnapshot, concept: SnapshotConcept, aspect: string, options: { continuing?: boolean } = {}): WrongChoiceNote {
  const claims = valuesOn(graph, concept.slug, aspect);
  return {
    // Continuing a sentence ("Not both — system containers are…"), only the first keeps its words' own case.
    explanation: claims
      .map((c, i) => sentence(sayValue(graph, concept, aspect, c.value as string, { start: !(options.continuing && i === 0) }) ?? c.statement))
      .join(" "),
    citations: claims.flatMap((c) => graph.citationsOfClaim.get(c.id) ?? []),
  };
}

export function comparisonQuestion(graph: GraphSnapshot, candidate: ComparisonCandidate, random: Random): QuizQuestion | null {
  const a = graph.concept.get(candidate.a);
  const b = graph.concept.get(candidate.b);
  const found = aspectPattern(graph, candidate.aspect);
  const asked = askValue(graph, candidate.aspect, candidate.value);
  if (!a || !b || !found || !asked) return null;
  if (pointsAt(candidate.value, a, [b]) || pointsAt(candidate.value, b, [a])) return null;
  const fact = { aspect: candidate.aspect, value: candidate.value };
  const onA = truthOf(graph, a.slug, fact);
  const onB = truthOf(graph, b.slug, fact);
  if (onA === null || onB === null || (!onA && !onB)) return null;
  // A comparative value ("more strongly") holds of one side only, against the other: no "both".
  const comparative = graph.comparative.has(candidate.aspect);
  if (comparative && onA && onB) return null;
  const correct = onA && onB ? "both" : onA ? "a" : "b";
  const [first, second] = random.next() < 0.5 ? [a, b] : [b, a];
  const refOf = (slug: string) => (slug === a.slug ? "a" : "b");
  // A property of the technology as a whole is asked of the plural: "Which have a mature ecosystem: containers, …?"
  const phrase = (c: SnapshotConcept) => (found.generic ? genericPhrase(c) : conceptPhrase(c)).text;
  const noteA = sideNote(graph, a, candidate.aspect);
  const noteB = sideNote(graph, b, candidate.aspect);
  const noteOf = (slug: string) => (slug === a.slug ? noteA : noteB);
  const lacking = sideNote(graph, onA ? b : a, candidate.aspect, { continuing: true });
  // When both is right, picking one side is wrong only for leaving out the other.
  const alsoNote = (slug: string): WrongChoiceNote => {
    const other = noteOf(slug === a.slug ? b.slug : a.slug);
    return { explanation: `Not only that one: ${sideNote(graph, slug === a.slug ? b : a, candidate.aspect, { continuing: true }).explanation.replace(/\.$/, "")}, too.`, citations: other.citations };
  };
  const whyNot = (slug: string) => (correct === "both" ? alsoNote(slug) : noteOf(slug));
  // The reasons behind the asked value, from the claims that hold it: what the explanation adds to the answer.
  const reasons = [...valuesOn(graph, a.slug, candidate.aspect), ...valuesOn(graph, b.slug, candidate.aspect)]
    .filter((c) => (c.value as string).toLowerCase() === candidate.value.toLowerCase())
    .map((c) => sentence(c.statement));
  return makeQuestion({
    kind: "COMPARISON",
    clue: asked,
    key: `${a.slug}|${b.slug}|${candidate.aspect}=${candidate.value.toLowerCase()}`,
    prompt: comparative ? `${asked}: ${phrase(first)} or ${phrase(second)}?` : `${asked}: ${phrase(first)}, ${phrase(second)}, or both?`,
    choices: [
      { ref: refOf(first.slug), text: capitalise(phrase(first)), whyWrong: whyNot(first.slug) },
      { ref: refOf(second.slug), text: capitalise(phrase(second)), whyWrong: whyNot(second.slug) },
      ...(comparative ? [] : [{ ref: "both", text: "Both", whyWrong: { explanation: `Not both — ${lacking.explanation}`, citations: lacking.citations } }]),
    ],
    correctRef: correct,
    subject: a.slug,
    ask: { type: "comparison", a: a.slug, b: b.slug, fact },
    // A value true of both is the hardest to spot.
    difficulty: correct === "both" ? 0.8 : 0.5,
    explanation: [noteA.explanation, noteB.explanation, ...reasons].join(" "),
    citations: [...noteA.citations, ...noteB.citations],
    facts: [
      themeFact(graph, candidate.aspect),
      `pair:${[a.slug, b.slug].sort().join("|")}`,
      `value:${a.slug}:${candidate.aspect}`,
      `value:${b.slug}:${candidate.aspect}`,
      ...[...valuesOn(graph, a.slug, candidate.aspect), ...valuesOn(graph, b.slug, candidate.aspect)].map((c) => `said:${c.aspect}=${(c.value as string).toLowerCase()}`),
    ],
  });
}

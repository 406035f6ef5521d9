/**
 * COMPARISON: of two concepts the graph contrasts, which one has a value on an
 * aspect ("Which one starts in seconds: a container or a virtual machine?").
 * Only aspects both concepts have values on are asked, so the graph knows the
 * answer for each side; a value that names either concept would give the
 * answer away and is not asked. A value true of both is not asked here (a
 * true/false statement asks it): a third choice "both" that was right in one
 * question of thirty was soon left unread, a review found, and made every
 * comparison an either/or in disguise.
 */
import { contrastedPairs } from "../../flashcards/generate-flashcards.ts";
import type { GraphSnapshot, SnapshotConcept } from "../../graph-snapshot.ts";
import { aspectPattern, askValue, capitalise, conceptPhrase, genericPhrase, mentions, pointsAt, sayValue, saysMostlyAgain, sentence } from "../../phrasing.ts";
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
function sideNote(graph: GraphSnapshot, concept: SnapshotConcept, aspect: string): WrongChoiceNote {
  const claims = valuesOn(graph, concept.slug, aspect);
  return {
    explanation: claims.map((c) => sentence(sayValue(graph, concept, aspect, c.value as string) ?? c.statement)).join(" "),
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
  if (onA === null || onB === null || onA === onB) return null;
  const correct = onA ? "a" : "b";
  const [first, second] = random.next() < 0.5 ? [a, b] : [b, a];
  const refOf = (slug: string) => (slug === a.slug ? "a" : "b");
  // A property of the technology as a whole is asked of the plural: "Which have a mature ecosystem: containers, …?"
  const phrase = (c: SnapshotConcept) => (found.generic ? genericPhrase(c) : conceptPhrase(c)).text;
  const noteA = sideNote(graph, a, candidate.aspect);
  const noteB = sideNote(graph, b, candidate.aspect);
  const noteOf = (slug: string) => (slug === a.slug ? noteA : noteB);
  const [rightNote, otherNote] = correct === "a" ? [noteA, noteB] : [noteB, noteA];
  const otherSide = correct === "a" ? b : a;
  // The reasons behind the asked value, from the claims that hold it: what the explanation adds to the
  // answer, unless a claim mostly says its value again ("typical of personal computers", then "turn up
  // more often on personal computers").
  const said = `${noteA.explanation} ${noteB.explanation}`;
  const reasons = [...valuesOn(graph, a.slug, candidate.aspect), ...valuesOn(graph, b.slug, candidate.aspect)]
    .filter((c) => (c.value as string).toLowerCase() === candidate.value.toLowerCase())
    .map((c) => sentence(c.statement))
    .filter((reason) => !saysMostlyAgain(reason, said));
  return makeQuestion({
    kind: "COMPARISON",
    clue: asked,
    key: `${a.slug}|${b.slug}|${candidate.aspect}=${candidate.value.toLowerCase()}`,
    prompt: `${asked}: ${phrase(first)} or ${phrase(second)}?`,
    choices: [
      { ref: refOf(first.slug), text: capitalise(phrase(first)), whyWrong: noteOf(first.slug) },
      { ref: refOf(second.slug), text: capitalise(phrase(second)), whyWrong: noteOf(second.slug) },
    ],
    correctRef: correct,
    subject: a.slug,
    ask: { type: "comparison", a: a.slug, b: b.slug, fact },
    difficulty: 0.5,
    // The answer's side first, by its reasons where it has any (they say its value and why), then the other
    // side's value: the value said, the other's, then the reasons saying it again read as a paraphrase, a review found.
    // Not when a reason names the other side already ("…; Buildah and Kaniko, by themselves, cannot run or
    // manage containers"): its value said again straight after read twice, a review found.
    explanation: [...(reasons.length > 0 ? reasons : [rightNote.explanation]), ...(reasons.some((reason) => mentions(reason, otherSide)) ? [] : [otherNote.explanation])].join(" "),
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

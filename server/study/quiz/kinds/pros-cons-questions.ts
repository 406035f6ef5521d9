/** PROS_CONS: is a claim an advantage of its concept, a drawback, or a neutral fact? */
import type { GraphSnapshot } from "../../graph-snapshot.ts";
import type { Random } from "../../seeded-random.ts";
import { makeQuestion, type QuizQuestion } from "../quiz-question.ts";

const CHOICES = [
  { ref: "pro", text: "An advantage" },
  { ref: "con", text: "A drawback" },
  { ref: "neutral", text: "Neither: a neutral fact" },
] as const;

export function prosConsCandidates(graph: GraphSnapshot): string[] {
  return graph.claims.map((c) => c.key);
}

const claimIndexes = new WeakMap<GraphSnapshot, Map<string, GraphSnapshot["claims"][number]>>();

export function prosConsQuestion(graph: GraphSnapshot, key: string, _random: Random): QuizQuestion | null {
  let index = claimIndexes.get(graph);
  if (!index) {
    index = new Map(graph.claims.map((c) => [c.key, c]));
    claimIndexes.set(graph, index);
  }
  const claim = index.get(key);
  const concept = claim && graph.concept.get(claim.concept);
  if (!claim || !concept) return null;
  const aspect = claim.aspect ? graph.aspects.get(claim.aspect) : undefined;
  const verdict = claim.polarity === "pro" ? "an advantage" : claim.polarity === "con" ? "a drawback" : "a neutral fact";
  return makeQuestion({
    kind: "PROS_CONS",
    key,
    prompt: `For ${concept.name}, is this an advantage, a drawback, or neither? “${claim.statement}”`,
    choices: [...CHOICES],
    correctRef: claim.polarity,
    subject: concept.slug,
    ask: { type: "polarity", claim: key },
    difficulty: claim.polarity === "neutral" ? 0.7 : 0.4,
    explanation: `The sources count it as ${verdict} of ${concept.name}${aspect ? ` (${aspect.toLowerCase()}${claim.value ? `: ${claim.value}` : ""})` : ""}.`,
    citations: graph.citationsOfClaim.get(claim.id) ?? [],
  });
}

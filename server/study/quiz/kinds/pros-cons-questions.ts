/**
 * PROS_CONS: "Which of these is an advantage of a container over a virtual
 * machine?" The right choice is one of the concept's own values that the
 * sources count as an advantage (or a drawback), on an aspect where the
 * partner differs; the wrong ones are the partner's values on aspects where
 * the concept has other values, so the graph proves each wrong. Choices are
 * said without a subject ("Starts in seconds"), so none names its concept.
 */
import { contrastPartners } from "../../flashcards/generate-flashcards.ts";
import type { GraphSnapshot, SnapshotClaim } from "../../graph-snapshot.ts";
import { conceptPhrase, pointsAt, sayPredicate, sayValue, sentence } from "../../phrasing.ts";
import type { Random } from "../../seeded-random.ts";
import { familyOf, themeFact, themeOf, truthOf, valuedClaims, valuesOn } from "../facts.ts";
import type { BuildOptions } from "../generate-quiz.ts";
import { makeQuestion, type QuizQuestion, type WrongChoiceNote } from "../quiz-question.ts";

export type ProsConsCandidate = { subject: string; partner: string; claim: string };

const claimIndexes = new WeakMap<GraphSnapshot, Map<string, SnapshotClaim>>();

function claimByKey(graph: GraphSnapshot, key: string): SnapshotClaim | undefined {
  let index = claimIndexes.get(graph);
  if (!index) {
    index = new Map(graph.claims.map((c) => [c.key, c]));
    claimIndexes.set(graph, index);
  }
  return index.get(key);
}

/** A valued pro or con claim of a concept, on an aspect where a contrasted concept has another value. */
export function* prosConsCandidates(graph: GraphSnapshot): Generator<ProsConsCandidate> {
  for (const concept of graph.studied) {
    const partners = contrastPartners(graph, concept.slug);
    if (partners.length === 0) continue;
    for (const claim of valuedClaims(graph, concept.slug)) {
      if (claim.polarity === "neutral") continue;
      for (const partner of partners) {
        if (truthOf(graph, partner, { aspect: claim.aspect as string, value: claim.value as string }) === false) {
          yield { subject: concept.slug, partner, claim: claim.key };
        }
      }
    }
  }
}

export function prosConsQuestion(graph: GraphSnapshot, candidate: ProsConsCandidate, random: Random, options: BuildOptions = { single: false }): QuizQuestion | null {
  const claim = claimByKey(graph, candidate.claim);
  const concept = graph.concept.get(candidate.subject);
  const partner = graph.concept.get(candidate.partner);
  if (!claim || !concept || !partner || claim.polarity === "neutral") return null;
  const aspect = claim.aspect as string;
  const right = sayPredicate(graph, aspect, claim.value as string);
  const subject = conceptPhrase(concept).text;
  const other = conceptPhrase(partner).text;
  if (!right || pointsAt(right, concept, [partner]) || pointsAt(right, partner, [concept])) return null;

  // Wrong choices: the partner's values counted the same way (its advantages, when an advantage is
  // asked), on aspects where the graph proves them false of the concept. All sound alike, so the
  // tone gives nothing away: the learner must know which side each belongs to.
  const theirs = random
    .shuffle(valuedClaims(graph, partner.slug))
    .filter((c) => c.polarity === claim.polarity && truthOf(graph, concept.slug, { aspect: c.aspect as string, value: c.value as string }) === false);
  // One choice per theme: three ways of saying "isolated less strongly" would leave the answer the odd one out.
  const taken = new Set([themeOf(graph, aspect), right.toLowerCase()]);
  // And one per family: "starts faster", "fits more workloads" and "carries little overhead" teach different
  // things but all read "lightweight", and beside them "isolates workloads more strongly" stood out.
  const families = new Set([familyOf(graph, aspect)]);
  const wrong: { claim: SnapshotClaim; text: string; whyWrong: WrongChoiceNote }[] = [];
  const citationsOf = (claims: SnapshotClaim[]) => claims.flatMap((c) => graph.citationsOfClaim.get(c.id) ?? []);
  for (const c of theirs) {
    const text = sayPredicate(graph, c.aspect as string, c.value as string);
    const theme = themeOf(graph, c.aspect as string);
    // A value an earlier question asked or showed is known to be the partner's: no choice to weigh.
    if (options.spent?.(`value:${partner.slug}:${c.aspect as string}`) || options.spent?.(themeFact(graph, c.aspect as string))) continue;
    const family = familyOf(graph, c.aspect as string);
    if (wrong.length === 3 || !text || taken.has(theme) || families.has(family) || taken.has(text.toLowerCase()) || pointsAt(text, concept, [partner]) || pointsAt(text, partner, [concept])) continue;
    taken.add(theme);
    families.add(family);
    taken.add(text.toLowerCase());
    wrong.push({
      claim: c,
      text,
      whyWrong: {
        // Whose it is, and nothing more: the concept's own value on that aspect may be asked later.
        explanation: `That is ${claim.polarity === "pro" ? "an advantage" : "a drawback"} of ${other}, not of ${subject}: ${sentence(sayValue(graph, partner, c.aspect as string, c.value as string, { start: false }) as string)}`,
        citations: citationsOf([c]),
      },
    });
  }
  // At least two wrong choices. With one, the partner's single strength is the partner's best-known trait
  // ("Which is an advantage of Kaniko over Docker?" beside "runs containers as well as building images"):
  // knowing the partner alone rules it out, and then nothing is left to weigh.
  if (wrong.length < 2) return null;
  // Nor a right answer that stands out by its length ("Lets one host run different operating systems side
  // by side" beside "Starts faster, within seconds"): test-wise learners pick the long, specific one.
  if (right.length > 1.5 * Math.max(...wrong.map((w) => w.text.length))) return null;

  const word = claim.polarity === "pro" ? "an advantage" : "a drawback";
  const partnerValues = valuesOn(graph, partner.slug, aspect);
  const contrast = partnerValues.map((c) => sayValue(graph, partner, aspect, c.value as string, { start: false })).filter((s): s is string => !!s);
  const choices = random.shuffle([
    { ref: `${aspect}=${claim.value as string}`, text: right },
    ...wrong.map((w) => ({ ref: `${w.claim.aspect as string}=${w.claim.value as string}`, text: w.text, whyWrong: w.whyWrong })),
  ]);
  return makeQuestion({
    kind: "PROS_CONS",
    key: `${claim.key}|${partner.slug}`,
    prompt:
      claim.polarity === "pro"
        ? `Which of these is an advantage of ${subject} over ${other}?`
        : `Which of these is a drawback of ${subject} compared with ${other}?`,
    choices,
    correctRef: `${aspect}=${claim.value as string}`,
    subject: concept.slug,
    ask: { type: "advantage", subject: concept.slug, partner: partner.slug, polarity: claim.polarity },
    difficulty: 0.5,
    explanation: `${sentence(claim.statement)} The sources count this as ${word}${contrast.length ? `; by contrast, ${sentence(contrast.join("; "))}` : "."}`,
    citations: [...(graph.citationsOfClaim.get(claim.id) ?? []), ...partnerValues.flatMap((c) => graph.citationsOfClaim.get(c.id) ?? [])],
    // The notes say whose each wrong choice is and how it counts: those facts are spent too.
    // The same prompt ("an advantage of a container over a virtual machine?") once a quiz.
    facts: [`value:${concept.slug}:${aspect}`, `value:${partner.slug}:${aspect}`, `prompt:${concept.slug}|${partner.slug}|${claim.polarity}`, themeFact(graph, aspect)],
    // A wrong choice's note says whose it is: that theme is settled for both sides ("a VM isolates
    // more strongly" rules out "isolates less strongly" as a VM's).
    reveals: wrong.flatMap((w) => [`value:${partner.slug}:${w.claim.aspect as string}`, themeFact(graph, w.claim.aspect as string)]),
  });
}

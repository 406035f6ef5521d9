/**
 * DEFINITION: a concept's summary (or its clue, where the seeds give one) is
 * shown; pick the concept it describes.
 *
 * The prompt must not give the answer away: a related proper name that shares
 * a word with the answer's name ("Google's" for Google Cloud) is masked by its
 * kind ("a vendor's"), and a text that still names the answer is not asked.
 * Wrong choices are other concepts of the answer's sort that the text cannot
 * also describe: never one above or below the answer in the hierarchy, never
 * one the text names, never one it mentions in its own summary.
 */
import { summaryCitations, type GraphSnapshot, type SnapshotConcept } from "../../graph-snapshot.ts";
import { categoriesOf, everythingAbove, isCategory } from "../../hierarchy.ts";
import { capitalise, conceptPhrase, fillPattern, firstSentence, holdsWord, lowerArticle, lowerLabel, mentions, namesOf, pointsAt, sayRelation, sentence, startsWithArticle, withArticle } from "../../phrasing.ts";
import { whatCategoryIs } from "./classification-questions.ts";
import type { Random } from "../../seeded-random.ts";
import { conceptsOfKind, sharesSummary, truthOf } from "../facts.ts";
import { pickDistractors } from "../pick-distractors.ts";
import type { BuildOptions } from "../generate-quiz.ts";
import { makeQuestion, type QuizQuestion } from "../quiz-question.ts";

const slugLists = new WeakMap<GraphSnapshot, string[]>();

/** Every studied concept's slug (once per snapshot): each can be asked about. */
export function definitionCandidates(graph: GraphSnapshot): string[] {
  let slugs = slugLists.get(graph);
  if (!slugs) {
    slugs = graph.studied.map((c) => c.slug);
    slugLists.set(graph, slugs);
  }
  return slugs;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const byDistinctiveWord = new WeakMap<GraphSnapshot, Map<string, string[]>>();

/** Concepts whose proper names share a word with this one's ("Docker" and "Docker, Inc."), once per snapshot. */
export function namesakes(graph: GraphSnapshot, concept: SnapshotConcept): string[] {
  let index = byDistinctiveWord.get(graph);
  if (!index) {
    index = new Map();
    for (const other of graph.concepts) {
      for (const word of new Set(distinctiveWords(other).map(bareWord))) index.set(word, [...(index.get(word) ?? []), other.slug]);
    }
    byDistinctiveWord.set(graph, index);
  }
  const found = new Set(distinctiveWords(concept).flatMap((w) => index.get(bareWord(w)) ?? []));
  found.delete(concept.slug);
  return [...found];
}

function bareWord(word: string): string {
  return word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
}

/** Words of a proper name that single it out on their own ("Google" of "Google Cloud"). */
function distinctiveWords(concept: SnapshotConcept): string[] {
  if (concept.noun) return [];
  return [concept.name, ...concept.aliases].flatMap((name) => name.split(/[\s/]+/)).filter((w) => w.length >= 3 && /[A-Z0-9]/.test(w));
}

/**
 * The summary (or clue) with related proper names that share a word with the
 * answer's masked by their kind, or null when it would still give the answer
 * away. Other names stay: "the system CRI-O is optimized for" is the clue.
 */
export function maskedSummary(graph: GraphSnapshot, concept: SnapshotConcept): string | null {
  let known = maskedSummaries.get(graph);
  if (!known) {
    known = new Map();
    maskedSummaries.set(graph, known);
  }
  const found = known.get(concept.slug);
  if (found !== undefined) return found;
  const masked = maskSummary(graph, concept);
  known.set(concept.slug, masked);
  return masked;
}

/** Each concept's masked summary, once per snapshot: every quiz that asks it needs the same one. */
const maskedSummaries = new WeakMap<GraphSnapshot, Map<string, string | null>>();

function maskSummary(graph: GraphSnapshot, concept: SnapshotConcept): string | null {
  let text = concept.clue ?? concept.summary;
  const related = new Set<string>();
  for (const r of graph.outgoing.get(concept.slug) ?? []) related.add(r.to);
  for (const r of graph.incoming.get(concept.slug) ?? []) related.add(r.from);
  const answerWords = distinctiveWords(concept).map((w) => w.toLowerCase());
  let masked = 0;
  for (const slug of related) {
    const other = graph.concept.get(slug);
    if (!other || other.noun || !mentions(text, other)) continue;
    if (!distinctiveWords(other).some((w) => answerWords.includes(w.toLowerCase()))) continue;
    // A text that leans on two or more of the answer's namesakes ("the company behind VMware ESXi and
    // VMware Workstation") is left a riddle once they are masked ("…behind a hypervisor and a hypervisor").
    if (++masked > 1) return null;
    const label = withArticle(lowerLabel(graph.kinds.get(other.kind)?.label ?? "product"));
    for (const name of namesOf(other).sort((x, y) => y.length - x.length)) {
      // Only where it stands as a proper name (capitalised): "Google's" → "a vendor's".
      text = text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegex(name)}(?![\\p{L}\\p{N}])`, "giu"), (found) =>
        /^\p{Lu}/u.test(found) ? label : found,
      );
    }
  }
  text = capitalise(text);
  if (mentions(text, concept)) return null;
  if (distinctiveWords(concept).some((w) => holdsWord(text, w))) return null;
  return text;
}

/** Concepts a disjoint relation sets this one apart from (contrasts-with). */
function contrastedWith(graph: GraphSnapshot, slug: string): string[] {
  const out = (graph.outgoing.get(slug) ?? []).filter((r) => graph.disjoint.has(r.type)).map((r) => r.to);
  const into = (graph.incoming.get(slug) ?? []).filter((r) => graph.disjoint.has(r.type)).map((r) => r.from);
  return [...out, ...into];
}

/** Concepts the summary could also fairly describe: those above or below the answer. */
function sameLine(graph: GraphSnapshot, a: string, b: string): boolean {
  return everythingAbove(graph, a).has(b) || everythingAbove(graph, b).has(a);
}

/** ", a practice": the concept's kind, when its name or noun does not already say it. */
function kindUnlessSaid(graph: GraphSnapshot, concept: SnapshotConcept): string {
  const kind = lowerLabel(graph.kinds.get(concept.kind)?.label ?? "");
  if (!kind || (concept.noun ?? concept.name).toLowerCase().includes(kind.toLowerCase())) return "";
  return `, ${withArticle(kind)}`;
}

/** "Podman is a daemon-less engine…": a summary that is a noun phrase reads after "is". */
function whatItIs(concept: SnapshotConcept): string {
  const text = concept.summary;
  const subject = conceptPhrase(concept);
  return startsWithArticle(text)
    ? sentence(fillPattern("{subject} {is|are} {value}", { subject, value: lowerArticle(text) }))
    : `That describes ${subject.text}: “${sentence(text)}”`;
}

/**
 * The right answer said with its summary: as whatItIs says it where the summary starts with an article, else
 * as a definition under the name ("Docker networks: Virtual networks on which…"). "That describes a Docker
 * network: “…”", a wrong choice's form, read under the right answer as if the learner had missed, a review found.
 */
function definitionOf(concept: SnapshotConcept): string {
  return startsWithArticle(concept.summary) ? whatItIs(concept) : `${concept.name}: ${sentence(concept.summary)}`;
}

/** How close a wrong answer the graph sets against the answer is (between a sibling's 1 and a product's 0.8). */
const CONTRASTED = 0.9;
/** How close one of the answer's kind is, where the vocabulary calls the kind alike: the last a quiz draws on. */
const ALIKE = 0.7;

export function definitionQuestion(graph: GraphSnapshot, slug: string, random: Random, options: BuildOptions = { single: false }): QuizQuestion | null {
  const concept = graph.concept.get(slug);
  if (!concept) return null;
  const prompt = maskedSummary(graph, concept);
  if (!prompt) return null;
  // A text several concepts share (ESXi, Hyper-V and Xen are each "a type 1 hypervisor…") describes
  // their category, not this one: "it describes ESXi" would teach a false distinction.
  if (!concept.clue && sharesSummary(graph, concept)) return null;
  const categories = categoriesOf(graph, slug);
  const siblings = categories.flatMap((c) => (graph.incoming.get(c) ?? []).filter((r) => graph.classifying.has(r.type)).map((r) => r.from));
  const sameKind = conceptsOfKind(graph, concept.kind);
  // A summary that names a sibling ("listed with ESXi and Hyper-V") defines by list membership: not asked.
  // One that names a concept of its kind in passing ("…from which an image is assembled") is asked,
  // without that concept among the choices.
  for (const ref of siblings) {
    const other = graph.concept.get(ref);
    if (other && ref !== slug && mentions(prompt, other)) return null;
  }
  // Wrong answers only of the answer's own sort (the only registry among practices is no question): three, or two.
  // Next to the siblings come what the graph sets it against (the host OS for the guest OS): close, yet
  // proven different. Concepts merely used alongside it (two practices that both use containers) are
  // not preferred: their summaries can overlap.
  // Named products of one kind are one sort (Docker, Podman, rkt; VMware, Oracle): any of them is a
  // fair wrong answer for another, as long as both are parts of the same whole or of none (docker run
  // and docker pull are Docker's; sysctl is not). Common nouns of one kind are not one sort (a design
  // and a process are both practices), so they stay with the tiers above.
  const wholes = (ref: string) =>
    (graph.outgoing.get(ref) ?? []).filter((r) => graph.broader.has(r.type) && !graph.classifying.has(r.type)).map((r) => r.to);
  const answerWholes = wholes(slug);
  const products = (ref: string) => {
    const other = graph.concept.get(ref);
    if (!other || other.noun !== null || isCategory(graph, ref)) return false;
    const theirs = wholes(ref);
    return theirs.length === 0 ? answerWholes.length === 0 : theirs.some((w) => answerWholes.includes(w));
  };
  const tiers = [
    { refs: siblings, closeness: 1 },
    { refs: contrastedWith(graph, slug).filter((ref) => graph.concept.get(ref)?.kind === concept.kind), closeness: CONTRASTED },
    { refs: products(slug) ? sameKind.filter(products) : [], closeness: 0.8 },
    // A kind the vocabulary calls alike (kernel features, artifacts) is one sort: namespaces are a fair
    // wrong answer to what control groups do. Of a broad kind, only an embedded card's lone question draws.
    { refs: graph.kinds.get(concept.kind)?.alike ? sameKind : [], closeness: ALIKE },
    { refs: sameKind, closeness: 0.6 },
  ];
  // A concept the graph files in the same tree but cannot place outside the answer's categories may
  // belong there too: QEMU, filed only as a hypervisor, might be a hosted one like VirtualBox.
  const answerCategories = [...categories, ...(isCategory(graph, slug) ? [slug] : [])];
  const undetermined = (ref: string) => {
    const above = everythingAbove(graph, ref);
    return answerCategories.some(
      (c) => truthOf(graph, ref, { category: c }) === null && (above.has(c) || [...everythingAbove(graph, c)].some((a) => above.has(a))),
    );
  };
  // What the answer is linked to by a relation that does not set the two apart overlaps with it
  // (vulnerability management uses CI/CD): not offered as wrong.
  const linked = new Set([
    ...(graph.outgoing.get(slug) ?? []).filter((r) => !graph.disjoint.has(r.type)).map((r) => r.to),
    ...(graph.incoming.get(slug) ?? []).filter((r) => !graph.disjoint.has(r.type)).map((r) => r.from),
  ]);
  const answerIsCategory = isCategory(graph, slug);
  // Siblings can be told apart along more than one line (application vs system containers; Linux vs
  // Windows ones): a sibling the graph contrasts only with others, while the answer has its own
  // contrasted sibling, sorts on another line, and the prompt may fit it too ("the older type").
  const contrastedSiblings = (ref: string) => contrastedWith(graph, ref).filter((r) => siblings.includes(r));
  const answerPartners = contrastedSiblings(slug);
  const otherLine = (ref: string) => {
    const partners = contrastedSiblings(ref);
    return answerPartners.length > 0 && partners.length > 0 && !answerPartners.includes(ref) && !partners.includes(slug);
  };
  const isWrong = (ref: string) => {
    const other = graph.concept.get(ref);
    return (
      !undetermined(ref) &&
      !linked.has(ref) &&
      // An earlier answer of the quiz: the learner has just read its definition, so it rules itself out.
      !options.spent?.(`summary:${ref}`) &&
      !otherLine(ref) &&
      // A category among products ("Type 2 hypervisor" beside ESXi and Xen) is another sort of answer.
      isCategory(graph, ref) === answerIsCategory &&
      !!other &&
      ref !== slug &&
      other.summary !== concept.summary &&
      !sameLine(graph, ref, slug) &&
      !mentions(prompt, other) &&
      // A concept defined by likeness to the answer ("a platform that, like Kubernetes, …") fits its text too.
      !mentions(other.summary, concept)
    );
  };
  const nameOf = (ref: string) => graph.concept.get(ref)?.name ?? ref;
  // Wrong answers only of the answer's own sort (same kind or category), two or three of them:
  // "the operating system of…" among practices would be no question.
  // In a quiz, wrong answers only from the answer's own category, what the graph contrasts it with, or a
  // kind the vocabulary calls alike: most kinds are too broad a sort ("practice" holds designs and
  // processes, "command" a sysctl beside docker run), so the one choice that fits the description's sort
  // gave the answer away. An embedded card's lone question may still draw on the whole kind.
  const close = options.single ? tiers : tiers.filter((t) => t.closeness >= ALIKE);
  const picked =
    [3, 2].map((n) => pickDistractors(random, close, n, isWrong, nameOf, [concept.name])).find((p) => p !== null) ??
    // Else an either/or with what the graph sets it against ("the older type of container": system or
    // application?): pairs taught side by side are most of what a definition can ask on a small graph (only
    // seven concepts had two or more close choices). Not with a mere sibling: the sources never weigh
    // Swarm against Kubernetes, and "built into a container runtime" was all that told them apart. Two of a
    // kind the vocabulary calls alike are one sort as well (control groups or namespaces?).
    pickDistractors(random, tiers.filter((t) => t.closeness === CONTRASTED || t.closeness === ALIKE), 1, isWrong, nameOf, [concept.name]);
  if (!picked) return null;
  // A word of the answer's name in the prompt that no other choice has singles it out.
  const others = picked.refs.map((ref) => graph.concept.get(ref) as SnapshotConcept);
  if (pointsAt(prompt, concept, others)) return null;
  const refs = random.shuffle([slug, ...picked.refs]);
  const category = categories[0] ? graph.concept.get(categories[0]) : undefined;
  const relation = category ? (graph.outgoing.get(slug) ?? []).find((r) => r.to === category.slug && graph.classifying.has(r.type)) : undefined;
  return makeQuestion({
    kind: "DEFINITION",
    key: slug,
    prompt: `Which of these does this describe? “${prompt}”`,
    choices: refs.map((ref) => {
      const other = graph.concept.get(ref) as SnapshotConcept;
      return {
        ref,
        text: other.name,
        // The note quotes the choice's summary: the passages it rests on, not all its description draws on.
        whyWrong: { explanation: whatItIs(other), citations: summaryCitations(graph, other) },
      };
    }),
    correctRef: slug,
    subject: slug,
    ask: { type: "definition", concept: slug },
    difficulty: picked.difficulty,
    // The answer said with its summary, then one sentence of what the description adds: the text the
    // learner just read when the seeds give no clue; where they give one, the summary says it again in
    // other words ("That describes an image layer: “<the prompt>”" taught nothing, a review found).
    explanation: `${definitionOf(concept)} ${firstSentence(concept.description)}`.trim(),
    citations: graph.citationsOfConcept.get(concept.id) ?? [],
    // The wrong choices' notes quote their summaries: no later question may ask for them.
    facts: [`summary:${slug}`, ...(category ? [`category:${slug}`] : [])],
    // A concept's explanation tells of what it is linked to ("its app…", "began on Linux"): the
    // definitions of a product and its maker, or a whole and its part, are not both asked in a quiz.
    // So are the definitions of namesakes ("Docker" and "Docker, Inc.": the one's note tells the other's history).
    reveals: [...picked.refs.map((r) => `summary:${r}`), ...[...linked, ...namesakes(graph, concept)].map((r) => `defined-near:${r}`)],
    unseen: [`defined-near:${slug}`],
    clue: prompt,
  });
}

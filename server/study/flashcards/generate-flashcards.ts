/**
 * Flashcards, generated from the graph: nothing is written by hand per card.
 *
 * A card's id is made of what the card is about (its type and the slugs or
 * claim key behind it), never of database ids, so a re-seed keeps every
 * learner's progress on every card that still exists.
 */
import { distinctCitations, summaryCitations, type GraphSnapshot, type SnapshotCitation, type SnapshotClaim, type SnapshotConcept, type SnapshotRelation } from "../graph-snapshot.ts";
import { categoriesOf } from "../hierarchy.ts";
import { capitalise, conceptPhrase, contentWords as wordsOf, fillPattern, firstSentence, genericPhrase, holdsWord, listOf, lowerArticle, lowerLabel, sayValue, saysMostlyAgain, sentence, sentencesOf, sharesWord, startsWithArticle, withArticle, wordsNotIn } from "../phrasing.ts";
import { distinctiveWords, MASK, maskPhrases, mentions } from "./mask-answer.ts";
import { sharesSummary } from "../quiz/facts.ts";
import { push } from "../../lists-by-key.ts";

// No "advantage or drawback?" cards: in four reviews the statement's own words gave the verdict away in
// most of them ("…a security risk", "a convenient tool"), and the valued ones repeat comparison cards.
export type CardType = "term" | "definition" | "kind" | "relation" | "comparison";

export interface Flashcard {
  id: string;
  type: CardType;
  /** The concept the card is mainly about (decks group cards by it). */
  subject: string;
  front: string;
  back: string;
  explanation: string;
  citations: SnapshotCitation[];
  /** The concept the back names, when it is another concept (a relation's target, a comparison's other side). */
  answerConcept?: string;
  /**
   * What a typed answer is graded against: the back's name, its aliases and other
   * spellings. Empty when the back is not a name to type (a summary, a comparison).
   */
  answers: string[];
}

/**
 * The other names a card's "Also called" lists: its aliases, each once whatever its case ("k8s", "K8s")
 * or number ("cgroups", "cgroup"), less the name itself and its plural ("Linux containers" is no other
 * name for a Linux container).
 */
function otherNamesOf(concept: SnapshotConcept): string[] {
  const said = new Set([concept.name, concept.noun ?? concept.name].flatMap((n) => [n, concept.nounPlural ?? `${n}s`]).map((n) => n.toLowerCase()));
  return concept.aliases.filter((alias) => {
    const lower = alias.toLowerCase();
    if (said.has(lower) || said.has(`${lower}s`) || (lower.endsWith("s") && said.has(lower.slice(0, -1)))) return false;
    said.add(lower);
    return true;
  });
}

/**
 * Of a description's part beyond the sources (from "Beyond the sources:" to its end), the first sentence
 * naming one of these other names, marked as beyond them. A card's "Also called" gives its names on the
 * sources' word; a name only that part gives (Docker for Mac, where the source says Docker's Mac app) is
 * said by that sentence instead, a review found of the unmarked list.
 */
function beyondSourcesNaming(description: string, names: readonly string[]): string | undefined {
  const sentences = sentencesOf(description);
  const start = sentences.findIndex((s) => s.startsWith(BEYOND_THE_SOURCES));
  const naming = start < 0 ? undefined : sentences.slice(start).find((s) => names.some((n) => holdsWord(s, n)));
  return naming === undefined || naming.startsWith(BEYOND_THE_SOURCES) ? naming : `${BEYOND_THE_SOURCES} ${naming}`;
}
const BEYOND_THE_SOURCES = "Beyond the sources:";

/** A kind as a sentence's complement: "a container runtime"; an uncountable one (its plural is its label) takes no article: "system software". */
function kindPhrase(kind: { label: string; plural: string }): string {
  const label = lowerLabel(kind.label);
  return kind.plural === kind.label ? label : withArticle(label);
}

/** Whether a name is, or ends in, these words ("Type 2 hypervisor" ends in "Hypervisor"), case aside. */
function endsWithWords(name: string, words: string): boolean {
  const [lowerName, lowerWords] = [name.toLowerCase(), words.toLowerCase()];
  return lowerName === lowerWords || lowerName.endsWith(` ${lowerWords}`);
}

/**
 * The description's first sentence that adds two words or more to what the card shows, after a space, as a
 * card's explanation adds it to the kind: what the concept is beyond the text the learner just matched to
 * its name. A later sentence when the first is on the card already (a back that tells apart concepts
 * sharing a summary holds it: "Flatpak is a packaging tool." was all a review found below such a back);
 * nothing when none adds anything.
 */
function moreThan(description: string, shown: string): string {
  const more = sentencesOf(description).find((sentence) => wordsNotIn(sentence, shown).length >= 2);
  return more ? ` ${more}` : "";
}

const pairCache = new WeakMap<GraphSnapshot, { a: string; b: string; aspects: string[] }[]>();

/** Pairs of concepts the graph contrasts, each with the aspects both have values on (once per snapshot). */
export function contrastedPairs(graph: GraphSnapshot): { a: string; b: string; aspects: string[] }[] {
  const cached = pairCache.get(graph);
  if (cached) return cached;
  const seen = new Set<string>();
  const pairs: { a: string; b: string; aspects: string[] }[] = [];
  for (const relation of graph.relations) {
    if (!graph.comparing.has(relation.type)) continue;
    const key = [relation.from, relation.to].sort().join("|");
    if (seen.has(key)) continue;
    seen.add(key);
    const valued = (slug: string) => new Set((graph.claimsOf.get(slug) ?? []).filter((c) => c.aspect && c.value).map((c) => c.aspect as string));
    const onA = valued(relation.from);
    const onB = valued(relation.to);
    const aspects = [...graph.aspects.keys()].filter((aspect) => onA.has(aspect) && onB.has(aspect));
    pairs.push({ a: relation.from, b: relation.to, aspects });
  }
  pairCache.set(graph, pairs);
  return pairs;
}

const partnerCache = new WeakMap<GraphSnapshot, Map<string, string[]>>();

/** The concepts the graph contrasts with this one (indexed once per snapshot). */
export function contrastPartners(graph: GraphSnapshot, slug: string): readonly string[] {
  let index = partnerCache.get(graph);
  if (!index) {
    index = new Map();
    for (const { a, b } of contrastedPairs(graph)) {
      for (const [one, other] of [[a, b], [b, a]] as const) {
        push(index, one, other);
      }
    }
    partnerCache.set(graph, index);
  }
  return index.get(slug) ?? [];
}

/** "is part of" → "are part of", "uses" → "use": a relation label agreeing with a plural subject. */
function agree(label: string, plural: boolean): string {
  if (!plural) return label;
  const [verb = "", ...rest] = label.split(" ");
  const irregular: Record<string, string> = { is: "are", has: "have", does: "do" };
  const agreed = irregular[verb] ?? (/[^s]s$/.test(verb) ? verb.slice(0, -1) : verb);
  return [agreed, ...rest].join(" ");
}

/** The names a learner may type for a concept: its name, aliases, and the noun it reads as. */
function namesOf(concept: SnapshotConcept): string[] {
  const names = [concept.name, ...concept.aliases];
  if (concept.noun) names.push(concept.noun);
  if (concept.nounPlural) names.push(concept.nounPlural);
  return [...new Set(names.map((n) => n.trim()).filter(Boolean))];
}

const categoryKindCache = new WeakMap<GraphSnapshot, Set<string>>();

/**
 * Kinds whose members are mostly categories (targets of classifying relations):
 * "What kind of thing is Type 1 hypervisor? — Category" teaches nothing, so
 * their members get no kind card.
 */
function categoryKinds(graph: GraphSnapshot): ReadonlySet<string> {
  if (graph.wide) return graph.wide.categoryKinds;
  const cached = categoryKindCache.get(graph);
  if (cached) return cached;
  const members = new Map<string, { all: number; categories: number }>();
  for (const concept of graph.concepts) {
    const count = members.get(concept.kind) ?? { all: 0, categories: 0 };
    members.set(concept.kind, count);
    count.all++;
    if ((graph.incoming.get(concept.slug) ?? []).some((r) => graph.classifying.has(r.type))) count.categories++;
  }
  const kinds = new Set([...members].filter(([, c]) => c.categories * 2 >= c.all && c.categories > 0).map(([kind]) => kind));
  categoryKindCache.set(graph, kinds);
  return kinds;
}

const taughtKindCache = new WeakMap<GraphSnapshot, Set<string>>();

/**
 * Kinds the graph also holds as a concept ("Container runtime", "Hypervisor"): their kind cards link
 * two things the learner studies. A kind that is only a filing label (Vendor, Component, Practice)
 * makes a card a reviewer judged either common knowledge ("Oracle is a vendor") or a catch-all
 * answer no learner could produce ("a Docker network is a component").
 */
function taughtKinds(graph: GraphSnapshot): ReadonlySet<string> {
  if (graph.wide) return graph.wide.taughtKinds;
  let kinds = taughtKindCache.get(graph);
  if (!kinds) {
    const named = new Set(graph.concepts.flatMap((c) => [c.name, ...(c.noun ? [c.noun] : [])].map((n) => n.toLowerCase())));
    kinds = new Set([...graph.kinds].filter(([, k]) => named.has(k.label.toLowerCase())).map(([slug]) => slug));
    taughtKindCache.set(graph, kinds);
  }
  return kinds;
}

const properNameIndex = new WeakMap<GraphSnapshot, Map<string, SnapshotConcept[]>>();

/**
 * Proper names (and their aliases), lower-cased, to the concepts bearing them: for finding which concepts a
 * text names. Every bearer is kept, so that a region holding a far concept of the same name does not hide
 * the near one a card reads (see isNear).
 */
function properNames(graph: GraphSnapshot): Map<string, SnapshotConcept[]> {
  let index = properNameIndex.get(graph);
  if (!index) {
    index = new Map();
    for (const concept of graph.concepts) {
      if (concept.noun) continue;
      for (const name of new Set([concept.name, ...concept.aliases].map((n) => n.toLowerCase()))) {
        push(index, name, concept);
      }
    }
    properNameIndex.set(graph, index);
  }
  return index;
}

/** The named concepts in a text, by runs of up to three words (bounded work at any graph size). */
function namedIn(graph: GraphSnapshot, text: string): SnapshotConcept[] {
  const index = properNames(graph);
  const words = text.split(/[\s,;:()“”"]+/).map((w) => w.replace(/[.!?]+$/, "").replace(/['’]s$/, "")).filter(Boolean);
  const found = new Set<SnapshotConcept>();
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= 3 && i + n <= words.length; n++) {
      for (const hit of index.get(words.slice(i, i + n).join(" ").toLowerCase()) ?? []) found.add(hit);
    }
  }
  return [...found];
}

const nameWordCounts = new WeakMap<GraphSnapshot, Map<string, number>>();

/** How many concepts' names (and aliases) hold each word, once per snapshot. */
function nameWords(graph: GraphSnapshot): Map<string, number> {
  let counts = nameWordCounts.get(graph);
  if (!counts) {
    counts = new Map();
    for (const c of graph.concepts) {
      for (const word of new Set([c.name, ...c.aliases].flatMap((n) => wordsOf(n)))) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    nameWordCounts.set(graph, counts);
  }
  return counts;
}

/**
 * Whether a text holds most of a name's words, or the word that sets a compound name apart when few
 * other names share it ("application" of Application container; not "container" of Container image,
 * which a dozen names hold): a word that begins another counts ("virtual" in "virtualized"). A
 * definition card's front must not: with no choices beside it, such a word is the answer half said.
 */
function echoesName(graph: GraphSnapshot, text: string, name: string): boolean {
  const own = wordsOf(name);
  if (own.length === 0) return false;
  const theirs = wordsOf(text);
  const found = own.filter((w) => theirs.some((t) => t.startsWith(w) || w.startsWith(t)));
  const first = own[0] as string;
  return found.length * 2 > own.length || (own.length > 1 && found.includes(first) && ((graph.nameWordCounts ?? nameWords(graph)).get(first) ?? 0) <= 2);
}

/**
 * What a concept relates to, by relation type, targets sorted by name.
 */
function relatedByType(graph: GraphSnapshot, slug: string): Map<string, { target: SnapshotConcept; relation: SnapshotRelation }[]> {
  const byType = new Map<string, { target: SnapshotConcept; relation: SnapshotRelation }[]>();
  const add = (type: string, other: string, relation: SnapshotRelation) => {
    const target = graph.concept.get(other);
    if (!target || other === slug) return;
    const ends = byType.get(type) ?? [];
    byType.set(type, ends);
    if (!ends.some((end) => end.target === target)) ends.push({ target, relation });
  };
  for (const relation of graph.outgoing.get(slug) ?? []) add(relation.type, relation.to, relation);
  for (const ends of byType.values()) ends.sort((a, b) => a.target.name.localeCompare(b.target.name));
  return byType;
}

/**
 * Whether another concept is one every region about `concept` holds (graph-region.ts): the other end of
 * one of its relations, outdated ones included, or a concept sharing its summary. In a region, a card
 * reads only these beside its subject, and of them no more than their direct categories (a cards region
 * follows the hierarchy no further), so it reads the same in every region (a deck's window, its own).
 */
function isNear(graph: GraphSnapshot, concept: SnapshotConcept, other: SnapshotConcept): boolean {
  const ends = (list: readonly SnapshotRelation[] | undefined) => (list ?? []).some((r) => r.from === other.slug || r.to === other.slug);
  return (
    ends(graph.outgoing.get(concept.slug)) ||
    ends(graph.incoming.get(concept.slug)) ||
    graph.outdatedRelations.some((r) => (r.from === concept.slug && r.to === other.slug) || (r.to === concept.slug && r.from === other.slug)) ||
    other.summary === concept.summary
  );
}

/** Whether `text` says "like <name>" (not "unlike <name>"). */
function likens(text: string, name: string): boolean {
  const lower = text.toLowerCase();
  const phrase = `like ${name.toLowerCase()}`;
  for (let at = lower.indexOf(phrase); at >= 0; at = lower.indexOf(phrase, at + 1)) {
    if (at === 0 || !/\p{L}/u.test(lower[at - 1] ?? "")) return true;
  }
  return false;
}

/**
 * A term card's back: the summary; where other concepts share it (three clouds, three bare-metal
 * hypervisors) it says only what they have in common, so the description's first sentence follows
 * ("Google's cloud."), unless that sentence mostly says the summary again in other words.
 */
function termBack(graph: GraphSnapshot, concept: SnapshotConcept): string {
  if (!sharesSummary(graph, concept)) return concept.summary;
  const own = firstSentence(concept.description);
  return saysMostlyAgain(own, concept.summary) ? concept.summary : `${concept.summary} ${own}`;
}

/**
 * Every card the graph yields, none of which shows its answer on its front: a
 * summary has its concept's name and aliases masked, and a card whose front
 * would name its answer anyway (the answer is part of the subject's name, as
 * "Docker" in "Docker Hub is made by …") is not made. Outdated statements are
 * not in the snapshot's indexes, so they are never an answer.
 */
export function* generateFlashcards(graph: GraphSnapshot): Generator<Flashcard> {
  const name = (slug: string) => graph.concept.get(slug)?.name ?? slug;
  const citationsOfClaims = (claims: SnapshotClaim[]) => distinctCitations(claims.flatMap((c) => graph.citationsOfClaim.get(c.id) ?? []));
  const categories = categoryKinds(graph);

  for (const concept of graph.studied) {
    const kind = graph.kinds.get(concept.kind) ?? { label: concept.kind, plural: concept.kind };
    const cited = graph.citationsOfConcept.get(concept.id) ?? [];
    const names = namesOf(concept);
    const aka = otherNamesOf(concept);
    // How the concept reads in a sentence: "Docker", "Snaps" (plural), "a container runtime".
    const phrase = conceptPhrase(concept);
    // A proper name keeps its case at the start of a sentence ("rkt", "docker pull").
    const subject = concept.noun ? capitalise(phrase.text) : phrase.text;
    const verb = (label: string) => agree(label, phrase.plural);
    // "A cloud platform is a cloud platform", "a type 2 hypervisor is a hypervisor" say nothing: a concept
    // whose name is or ends in its kind's label is explained by the first sentence of its description instead.
    const namesKind = endsWithWords(concept.noun ?? concept.name, kind.label);
    const isKind = namesKind ? firstSentence(concept.description) : `${subject} ${verb("is")} ${kindPhrase(kind)}.`;
    // Other names are alternatives ("or"), and some hold an "and" of their own ("continuous integration and …").
    const beyond = beyondSourcesNaming(concept.description, aka);
    const sourced = aka.filter((n) => beyond === undefined || !holdsWord(beyond, n));
    const otherNames = listOf(sourced.slice(0, 3), "or");
    // What an explanation says, then its other names (a name ending in a full stop, "VMware Inc.", ends the
    // sentence itself), then the sentence beyond the sources naming the rest, once, where it did not say it.
    const withOtherNames = (said: string) =>
      `${said}${sourced.length ? ` Also called ${otherNames}${otherNames.endsWith(".") ? "" : "."}` : ""}${beyond && !said.includes(beyond) ? ` ${beyond}` : ""}`;
    const back = termBack(graph, concept);
    yield {
      id: `term:${concept.slug}`,
      type: "term",
      subject: concept.slug,
      front: concept.name,
      back,
      // What kind of thing it is, then what the description adds to the back: "Xen is a hypervisor" alone
      // said less than the back had, a review found of most term cards.
      explanation: withOtherNames(`${isKind}${namesKind ? "" : moreThan(concept.description, back)}`),
      citations: cited,
      answers: [],
    };
    // The summary with the name and aliases masked; a summary that needs more than
    // that (it says "the Linux kernel" of Linux containers) makes no card: masking the
    // word would leave it fitting Windows containers as well.
    // The clue, where the seeds give one, as a definition question asks it: a summary can say what the
    // name already says ("each container runs one main process" for One service per container).
    const masked = maskPhrases(concept.clue ?? concept.summary, names);
    // A common noun's own words give it away too ("built to run an application" for Application container,
    // "a computer built in software, all virtual" for Virtual machine): a card has no choices to weigh them against.
    const giveaway = mentions(masked, names) || mentions(masked, distinctiveWords(concept)) || echoesName(graph, masked, concept.name);
    // A text that names two others filed under the answer's category defines by list membership ("an engine
    // one source names beside Docker and CRI-O"): any engine of the list would fit. One ("like Docker") is a
    // contrast, and so are others of the kind outside it ("a kernel neither Linux nor Windows").
    const own = categoriesOf(graph, concept.slug);
    const named = namedIn(graph, masked).filter((other) => other !== concept && (graph.focus === null || isNear(graph, concept, other)));
    const siblings = named.filter((other) => categoriesOf(graph, other.slug).some((c) => own.includes(c)));
    const byList = siblings.length >= 2;
    // Nor one that defines by likeness to one of its kind or category ("a container tool that, like Docker,
    // both builds and runs"; "a platform that, like Kubernetes, …"): every one like it fits, and a card has no
    // choices to rule them out. "Unlike" contrasts.
    const byLikeness = named.some((other) => (other.kind === concept.kind || siblings.includes(other)) && likens(masked, other.name));
    // Nor a summary another concept shares: it tells neither apart (the definition would accept both).
    // Nor one left with two gaps ("the company behind […] ESXi and […] Workstation"): a riddle, not a definition.
    const gaps = masked.split(MASK).length - 1;
    if (!giveaway && !byList && !byLikeness && gaps < 2 && !(concept.clue === null && sharesSummary(graph, concept)) && masked.replaceAll(MASK, "").replace(/[^\p{L}]+/gu, " ").trim().split(" ").length >= 3) {
      yield {
        id: `definition:${concept.slug}`,
        type: "definition",
        subject: concept.slug,
        front: masked,
        back: concept.name,
        explanation: withOtherNames(`${isKind}${namesKind ? "" : moreThan(concept.description, masked)}`),
        citations: cited,
        answers: names,
      };
    }
    // What kind of thing it is, for kinds the graph teaches as concepts (see taughtKinds), unless the kind
    // is a category's (says nothing), the name says it ("Container registry" → Registry), or a classifying
    // relation's card asks it already.
    const kindNames = [kind.label, kind.plural];
    const classifiedAs = own.map((c) => name(c).toLowerCase());
    // Nor when the name shares a word with the kind ("Host operating system" → System software).
    if (
      taughtKinds(graph).has(concept.kind) &&
      !categories.has(concept.kind) &&
      !names.some((n) => mentions(n, kindNames) || sharesWord(n, kind.label)) &&
      !classifiedAs.includes(kind.label.toLowerCase())
    ) {
      // Filed under a category of its own kind (VirtualBox, a hypervisor, under type 2 hypervisors): the card
      // asks which. "Hypervisor" on three kind cards of four taught nothing, and "type 2 hypervisor" was a
      // fair answer it would have marked wrong, a review found.
      const narrower = own.map((c) => graph.concept.get(c)).filter((c): c is SnapshotConcept => c?.kind === concept.kind);
      const sort = narrower.length === 1 ? narrower[0] : undefined;
      const filed = sort && (graph.outgoing.get(concept.slug) ?? []).find((r) => r.to === sort.slug && graph.classifying.has(r.type));
      const said = startsWithArticle(concept.summary) ? ` ${phrase.plural ? "They are" : "It is"} ${lowerArticle(concept.summary)}` : "";
      // The card asks the sort when there is one, else the kind.
      let asked: Pick<Flashcard, "front" | "back" | "explanation" | "citations" | "answers">;
      if (sort && filed) {
        const filedAs = `${subject} ${verb("is")} ${conceptPhrase(sort).text}${startsWithArticle(sort.summary) ? `, ${lowerArticle(sort.summary).replace(/\.$/, "")}` : ""}.`;
        // Then what sets it apart among its sort: its summary, unless that only says its sort again (ESXi's
        // "a type 1 (bare-metal) hypervisor, one that…"), else what its description adds.
        const more = said && !saysMostlyAgain(said, filedAs) ? said : moreThan(concept.description, `${filedAs} ${concept.summary}`);
        asked = {
          front: `What kind of ${lowerLabel(kind.label)} ${verb("is")} ${phrase.text}?`,
          back: sort.name,
          explanation: `${filedAs}${more}`,
          citations: distinctCitations([...(graph.citationsOfRelation.get(filed.id) ?? []), ...summaryCitations(graph, sort), ...(more === said ? summaryCitations(graph, concept) : cited)]),
          answers: namesOf(sort),
        };
      } else {
        asked = {
          front: `What kind of thing ${verb("is")} ${phrase.text}?`,
          back: kind.label,
          // A summary is a noun phrase ("A type 1 hypervisor, one that…"): said of the concept, not left without a verb.
          explanation: said ? `${isKind}${said}` : `${isKind}${moreThan(concept.description, isKind)}`,
          citations: cited,
          answers: kindNames,
        };
      }
      yield { id: `kind:${concept.slug}`, type: "kind", subject: concept.slug, ...asked };
    }

    // Relations of one type: one card when there is one target, else one cloze
    // card per target, the others shown ("A container runs on […], a host operating system and …").
    for (const [type, ends] of relatedByType(graph, concept.slug)) {
      // Only verbs with one fair answer ("made by …"): "Docker uses …" or "VirtualBox runs on …" has many,
      // "Type 2 hypervisor contrasts with …" all but names its own; the vocabulary says which (`flashcards`).
      // Comparison cards teach the pairs, classification questions the categories.
      if (!graph.carded.has(type)) continue;
      const label = verb(graph.relationLabels.get(type) ?? type);
      const pattern = graph.relationSentences.get(type) || `{subject} ${graph.relationLabels.get(type) ?? type} {object}`;
      // Several targets said together are kinds of thing, not one of each: "managed by hypervisors and cloud
      // platforms", not "a hypervisor and a cloud platform". So is one the graph names in the plural ("Linux
      // namespaces": a container is walled off by several of them, not "by a Linux namespace").
      const namedInPlural = (target: SnapshotConcept) =>
        target.noun !== null && !target.uncountable && target.name.toLowerCase() === (target.nounPlural ?? `${target.noun}s`).toLowerCase();
      const said = (target: SnapshotConcept) => (ends.length > 1 || namedInPlural(target) ? genericPhrase(target) : conceptPhrase(target)).text;
      const all = fillPattern(pattern, { subject: phrase, object: listOf(ends.map((end) => said(end.target))) });
      for (const { target, relation } of ends) {
        const others = ends.map((end) => (end.target === target ? MASK : said(end.target)));
        const front = ends.length === 1 ? `${subject} ${label} …` : `${subject} ${label} ${listOf(others)}`;
        const answers = namesOf(target);
        // Nor between two proper names that share a word ("Docker Desktop is made by … Docker, Inc."): the
        // brand is the answer. A common noun's qualifier is no such clue ("Linux containers are walled off from
        // other containers by … Linux namespaces" still asks which mechanism).
        const namesake = concept.noun === null && target.noun === null && mentions(front, distinctiveWords(target));
        if (mentions(front, answers) || namesake) continue;
        // What the answer is, in a text that does not name this card's subject: a summary that does only says
        // the relation again ("Hyper-V is made by Microsoft. Microsoft: the company behind Hyper-V…", a review
        // found). Else the description's first sentence; else the relation alone.
        const about = [target.summary, firstSentence(target.description)].find((text) => text && !mentions(text, namesOf(concept)));
        yield {
          id: ends.length === 1 ? `relation:${concept.slug}:${type}` : `relation:${concept.slug}:${type}:${target.slug}`,
          type: "relation",
          subject: concept.slug,
          answerConcept: target.slug,
          front,
          back: target.name,
          explanation: about ? `${all}. ${target.name}: ${about}` : `${all}.`,
          // The explanation states every target's relation, the asked one's first, then what the answer is: each one's passages.
          citations: distinctCitations([
            ...[relation, ...ends.map((end) => end.relation).filter((r) => r !== relation)].flatMap((r) => graph.citationsOfRelation.get(r.id) ?? []),
            ...(about === undefined ? [] : about === target.summary ? summaryCitations(graph, target) : (graph.citationsOfConcept.get(target.id) ?? [])),
          ]),
          answers,
        };
      }
    }

  }

  for (const { a, b, aspects } of contrastedPairs(graph)) {
    // A comparison card's subject is its first side.
    if (graph.focus !== null && !graph.focus.has(a)) continue;
    for (const aspect of aspects) {
      const label = graph.aspects.get(aspect) ?? aspect;
      const onA = (graph.claimsOf.get(a) ?? []).filter((c) => c.aspect === aspect && c.value);
      const onB = (graph.claimsOf.get(b) ?? []).filter((c) => c.aspect === aspect && c.value);
      const values = [...onA, ...onB].map((c) => c.value as string);
      const front = `${label}: ${name(a)} vs ${name(b)}`;
      if (mentions(front, values)) continue;
      // "Linux containers: a Linux kernel" answers itself: a value that names its own side is no question.
      const namesItself = (slug: string, claims: SnapshotClaim[]) => {
        const side = graph.concept.get(slug);
        return side !== undefined && claims.some((c) => mentions(c.value ?? "", [...namesOf(side), ...distinctiveWords(side)]));
      };
      if (namesItself(a, onA) || namesItself(b, onB)) continue;
      // The same values on both sides contrast nothing.
      const said = (claims: SnapshotClaim[]) => claims.map((c) => (c.value as string).toLowerCase()).sort().join("|");
      if (said(onA) === said(onB)) continue;
      // Each side as a sentence: "less well · better" alone does not say what is done less well.
      const side = (slug: string, claims: SnapshotClaim[]) => {
        const concept = graph.concept.get(slug);
        return claims.map((c) => (concept && sayValue(graph, concept, aspect, c.value as string)) || `${name(slug)}: ${c.value as string}`).join(" ");
      };
      yield {
        id: `comparison:${a}:${b}:${aspect}`,
        type: "comparison",
        subject: a,
        answerConcept: b,
        front,
        back: `${sentence(side(a, onA))} ${sentence(side(b, onB))}`,
        explanation: [...onA, ...onB].map((c) => c.statement).join(" "),
        citations: citationsOfClaims([...onA, ...onB]),
        answers: [],
      };
    }
  }
}

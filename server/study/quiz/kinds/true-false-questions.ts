/**
 * TRUE_FALSE: one sentence about a concept, true as the graph states it or,
 * half the time, made false in a way the graph can prove and a learner could
 * believe: a category set apart from the concept's own (type 2 for a type 1
 * hypervisor), or a value the same aspect takes on another concept (minutes
 * where containers take seconds), said with the same sentence pattern. A
 * comparative value ("more strongly") is said against the concept holding the
 * other value: "Compared with a virtual machine, a container isolates…".
 * Candidates are cheap (a subject and a true fact); the false version is
 * looked for only when a question is built, so huge graphs stay fast.
 */
import { contrastPartners } from "../../flashcards/generate-flashcards.ts";
import { summaryCitations, type GraphSnapshot, type SnapshotConcept } from "../../graph-snapshot.ts";
import { categoriesOf, categoriesOfKind, isCategory, siblingCategories } from "../../hierarchy.ts";
import { aspectPattern, conceptPhrase, fillPattern, genericPhrase, listOf, lowerArticle, mentions, pointsAt, sayRelation, sayValue, sentence, wordsNotIn } from "../../phrasing.ts";
import type { Random } from "../../seeded-random.ts";
import { categoryThemes, claimsOfValue, claimsOnAspect, themeFact, truthOf, valuedClaims, valuesOn } from "../facts.ts";
import { anyWrong, pickDistractors } from "../pick-distractors.ts";
import type { BuildOptions } from "../generate-quiz.ts";
import { makeQuestion, type Fact, type QuizQuestion, type WrongChoiceNote } from "../quiz-question.ts";
import { askableCategories, whatCategoryIs, whyNotUnder } from "./classification-questions.ts";

/** How many holders of a false value its explanation names besides the one drawn. */
const MORE_HOLDERS_NAMED = 2;

export type TrueFalseCandidate = { subject: string; truth: Fact };

export function trueFalseCandidates(graph: GraphSnapshot): TrueFalseCandidate[] {
  const candidates: TrueFalseCandidate[] = [];
  for (const concept of graph.studied) {
    for (const category of askableCategories(graph, concept)) candidates.push({ subject: concept.slug, truth: { category } });
    for (const claim of valuedClaims(graph, concept.slug)) {
      candidates.push({ subject: concept.slug, truth: { aspect: claim.aspect as string, value: claim.value as string } });
    }
  }
  return candidates;
}

/** A concept contrasted with the subject that holds another value on the aspect: what a comparative value is said against. */
function counterpart(graph: GraphSnapshot, subject: SnapshotConcept, aspect: string): SnapshotConcept | null {
  const own = valuesOn(graph, subject.slug, aspect);
  for (const partner of contrastPartners(graph, subject.slug)) {
    const other = graph.concept.get(partner);
    // Only one that differs: "by contrast, Docker is meant for both" says nothing after Podman.
    if (other && own.every((c) => truthOf(graph, partner, { aspect, value: c.value as string }) === false)) return other;
  }
  return null;
}

/** A value the aspect takes elsewhere that the graph proves false of the subject, with its holder. */
function falseValue(graph: GraphSnapshot, subject: SnapshotConcept, aspect: string, random: Random): { value: string; holder: SnapshotConcept } | null {
  const partners = new Set(contrastPartners(graph, subject.slug));
  const categories = new Set(categoriesOf(graph, subject.slug));
  // Believable only from a concept of its own sort: one it is contrasted with, or of its kind or category.
  const alike = (slug: string) => {
    const other = graph.concept.get(slug);
    return !!other && (other.kind === subject.kind || categoriesOf(graph, slug).some((c) => categories.has(c)));
  };
  const claims = claimsOnAspect(graph, aspect).filter((c) => c.concept !== subject.slug);
  // A comparative value is said against its holder ("compared with X, …"): only a concept the graph
  // contrasts with the subject, never one merely of its sort, which the graph does not compare it with.
  const alikeOthers = graph.comparative.has(aspect) ? [] : random.shuffle(claims.filter((c) => !partners.has(c.concept) && alike(c.concept))).slice(0, 32);
  const ordered = [...random.shuffle(claims.filter((c) => partners.has(c.concept))), ...alikeOthers];
  for (const claim of ordered) {
    const holder = graph.concept.get(claim.concept);
    const value = claim.value as string;
    if (!holder || pointsAt(value, holder, [subject]) || pointsAt(value, subject, [holder])) continue;
    if (truthOf(graph, subject.slug, { aspect, value }) === false) return { value, holder };
  }
  return null;
}

export function trueFalseQuestion(graph: GraphSnapshot, candidate: TrueFalseCandidate, random: Random, options: BuildOptions = { single: false }): QuizQuestion | null {
  const concept = graph.concept.get(candidate.subject);
  if (!concept) return null;
  const truth = candidate.truth;
  const makeFalse = options.makeFalse ? options.makeFalse() : random.next() < 0.5;

  if ("category" in truth) {
    const category = graph.concept.get(truth.category);
    const relation = (graph.outgoing.get(concept.slug) ?? []).find((r) => r.to === truth.category && graph.classifying.has(r.type));
    if (!category || !relation) return null;
    let said = category;
    let note: WrongChoiceNote | null = null;
    // Asked only where a believable false version exists, true or false: otherwise every "X is a Y"
    // would be true, and learners would learn the pattern instead of the fact. A question asked on
    // its own (an embedded card's) may still state a lone true fact.
    {
      // Only categories close to the true one: "Podman is a type 1 hypervisor" fools nobody.
      const tiers = [
        { refs: siblingCategories(graph, truth.category).filter((c) => isCategory(graph, c)), closeness: 1 },
        { refs: categoriesOfKind(graph, category.kind), closeness: 0.6 },
      ];
      const isWrong = (ref: string) => ref !== concept.slug && truthOf(graph, concept.slug, { category: ref }) === false;
      // Drawn only when one is proven wrong at all.
      const picked = anyWrong(tiers, isWrong) ? pickDistractors(random, tiers, 1, isWrong, (ref) => ref, [truth.category]) : null;
      const wrong = picked?.refs[0] ? graph.concept.get(picked.refs[0]) : undefined;
      if (!wrong && !options.single) return null;
      if (wrong && makeFalse) {
        said = wrong;
        note = whyNotUnder(graph, concept, wrong, relation.type);
      }
    }
    const statement = sentence(sayRelation(graph, relation.type, concept, said));
    const right = sentence(`${sayRelation(graph, relation.type, concept, category)}${whatCategoryIs(category)}`);
    // The relation, the right category's gloss, and what the note says of the wrong one, each cited.
    const rightCitations = [
      ...(graph.citationsOfRelation.get(relation.id) ?? []),
      ...(whatCategoryIs(category) ? summaryCitations(graph, category) : []),
    ];
    const citations = [...rightCitations, ...(note?.citations ?? [])];
    return makeQuestion({
      kind: "TRUE_FALSE",
      key: `${concept.slug}|category=${said.slug}`,
      prompt: `True or false? ${statement}`,
      choices: [
        { ref: "true", text: "True", ...(note ? { whyWrong: note } : {}) },
        { ref: "false", text: "False", whyWrong: { explanation: `It is true: ${lowerArticle(right)}`, citations: rightCitations } },
      ],
      correctRef: note ? "false" : "true",
      subject: concept.slug,
      ask: { type: "true-false", subject: concept.slug, fact: { category: said.slug } },
      difficulty: note ? 0.7 : 0.4,
      explanation: note ? `False. ${right}` : `True. ${right}`,
      citations,
      // One statement per category in a quiz: "Xen is a type 1 hypervisor" gives "Hyper-V is one" away.
      // And the lesson the categories teach (what a VM's own OS means), asked once with its values.
      facts: [`category:${concept.slug}`, `under:${said.slug}`, `under:${category.slug}`, ...categoryThemes(graph, said.slug, category.slug)],
      // The category's gloss says what the subject is at length: its values are not asked after it.
      // The gloss describes the category too: its own values are not asked after it ("hardware virtualization,
      // which means every instance boots a complete operating system", then "it virtualizes only the software
      // above a shared kernel?").
      reveals: whatCategoryIs(category) ? [`described:${concept.slug}`, `explained:${category.slug}`, `described:${category.slug}`] : [],
      // Nor is a category asked about once a note has described it ("by contrast, operating-system-level
      // virtualization virtualizes only the software above a shared kernel", then "a container is an example of it?").
      unseen: [`explained:${said.slug}`, `explained:${category.slug}`],
    });
  }

  const claims = valuesOn(graph, concept.slug, truth.aspect);
  const claim = claims.find((c) => c.value === truth.value);
  const rightSentence = sayValue(graph, concept, truth.aspect, truth.value);
  // A value that restates the name ("hardware virtualization virtualizes the hardware") asks nothing.
  if (!claim || !rightSentence || pointsAt(truth.value, concept, [])) return null;
  // Only a value with a believable false version is asked, either way: otherwise every statement of
  // that sort would be true, and learners would learn the pattern instead of the fact.
  const falseVersion = falseValue(graph, concept, truth.aspect, random);
  if (!falseVersion) return null;
  const wrong = makeFalse ? falseVersion : null;
  const value = wrong?.value ?? truth.value;
  // A comparative value is only true against something: the holder of the other value.
  const comparative = graph.comparative.has(truth.aspect);
  const against = comparative ? (wrong?.holder ?? counterpart(graph, concept, truth.aspect)) : null;
  if (comparative && !against) return null;
  // A property of the technology as a whole speaks of both sides in the plural: "Compared with application
  // containers, system containers are the older type", not "with an application container".
  const generic = aspectPattern(graph, truth.aspect)?.generic ?? false;
  const phraseOf = (c: SnapshotConcept) => (generic ? genericPhrase(c) : conceptPhrase(c)).text;
  const say = (subject: SnapshotConcept, said: string, reference: SnapshotConcept | null) => {
    const plain = sayValue(graph, subject, truth.aspect, said, reference ? { start: false } : {}) as string;
    return sentence(reference ? `Compared with ${phraseOf(reference)}, ${plain}` : plain);
  };
  const statement = say(concept, value, against);
  const own = claims.map((c) => say(concept, c.value as string, against)).join(" ");
  const citations = claims.flatMap((c) => graph.citationsOfClaim.get(c.id) ?? []);
  // A true statement is taught against its counterpart ("…by contrast, type 2 hypervisors are typical of personal computers").
  const other = wrong ? null : (against ?? counterpart(graph, concept, truth.aspect));
  const otherValue = other ? valuesOn(graph, other.slug, truth.aspect)[0]?.value : undefined;
  // Not when the claim's own sentence names it already ("…; Buildah and Kaniko, by themselves, cannot run or
  // manage containers" then "By contrast, Buildah is able to build images but not…" said it twice, a review found).
  const contrast = other && otherValue && !mentions(claim.statement, other) ? sentence(sayValue(graph, other, truth.aspect, otherValue, { start: false }) as string) : null;
  // Whose the false value is: the holder drawn, and the others of its kind stating it too ("That describes
  // Kaniko, not Podman" left out Buildah, which the sources name beside it, a review found). Not of a
  // comparison, which says the value against the holder alone.
  const sharers = !wrong
    ? []
    : [
        wrong.holder,
        ...(comparative
          ? []
          : [...new Set(claimsOnAspect(graph, truth.aspect).map((c) => c.concept))]
              .filter((slug) => slug !== wrong.holder.slug && slug !== concept.slug && claimsOfValue(graph, slug, truth.aspect, wrong.value).length > 0)
              .map((slug) => graph.concept.get(slug))
              .filter((c): c is SnapshotConcept => c?.kind === wrong.holder.kind)
              .sort((a, b) => a.name.localeCompare(b.name))
              .slice(0, MORE_HOLDERS_NAMED)),
      ];
  // What the explanation says of the other concepts (whose the false value is, or the contrast) is cited too.
  const otherClaims = wrong
    ? sharers.flatMap((holder) => claimsOfValue(graph, holder.slug, truth.aspect, wrong.value))
    : contrast && other && otherValue
      ? valuesOn(graph, other.slug, truth.aspect).filter((c) => c.value === otherValue)
      : [];
  const otherCitations = otherClaims.flatMap((c) => graph.citationsOfClaim.get(c.id) ?? []);
  let note: WrongChoiceNote | null = null;
  if (wrong) {
    note = {
      explanation: `${own} ${say(wrong.holder, wrong.value, comparative ? concept : null)}`,
      citations: [...citations, ...otherCitations],
    };
  }
  return makeQuestion({
    kind: "TRUE_FALSE",
    key: `${concept.slug}|${truth.aspect}=${value.toLowerCase()}`,
    clue: statement,
    prompt: `True or false? ${statement}`,
    choices: [
      { ref: "true", text: "True", ...(note ? { whyWrong: note } : {}) },
      { ref: "false", text: "False", whyWrong: { explanation: wrong ? own : `It is true. ${sentence(claim.statement)}`, citations } },
    ],
    correctRef: wrong ? "false" : "true",
    subject: concept.slug,
    ask: { type: "true-false", subject: concept.slug, fact: { aspect: truth.aspect, value } },
    difficulty: wrong ? 0.7 : 0.4,
    // A false statement said of the wrong concept: whose it is, then what is true of this one.
    // A false one also gives the reason the claim states, where it says more than the value ("containers share
    // the host's kernel, so…"): turning the statement round alone teaches nothing.
    explanation: wrong ? `False. That describes ${listOf(sharers.map(phraseOf))}, not ${phraseOf(concept)}. ${truthAtLength(own, claim.statement, claims.length === 1 && (!comparative || (against !== null && mentions(claim.statement, against))))}` : `True. ${sentence(claim.statement)}${contrast ? ` By contrast, ${contrast}` : ""}`,
    citations: [...citations, ...otherCitations],
    unseen: [`described:${concept.slug}`],
    // What the explanation says of the subject, and of the other concept in its note or contrast, explains
    // them: neither is asked about as a category after this ("that describes operating-system-level
    // virtualization…", then "a VM is an example of it?"; "each VM gets a virtual processor…" of hardware
    // virtualization, then "a VM is an example of hardware virtualization?").
    reveals: [
      `explained:${concept.slug}`,
      ...(wrong ? sharers.flatMap((holder) => [`value:${holder.slug}:${truth.aspect}`, `explained:${holder.slug}`]) : other && contrast ? [`explained:${other.slug}`] : []),
    ],
    // No other question in the quiz may say the same value of another concept (mirrored claims).
    facts: [
      themeFact(graph, truth.aspect),
      `value:${concept.slug}:${truth.aspect}`,
      `said:${truth.aspect}=${truth.value.toLowerCase()}`,
      ...(wrong ? [`said:${truth.aspect}=${wrong.value.toLowerCase()}`] : []),
    ],
  });
}

/**
 * What is true of the subject, said at length: its value, then the claim's own sentence where that says more.
 * The claim's sentence alone where it states the only value said (`alone`; of a comparison, only where it
 * names what the subject is compared with, whose frame the value gives): "Type 2 hypervisors are typical of
 * personal computers… Type 2 hypervisors, which run on top of an operating system, turn up more often on
 * personal computers…" said one thing twice, a review found.
 */
function truthAtLength(value: string, statement: string, alone: boolean): string {
  if (wordsNotIn(statement, value).length < 3) return value;
  return alone ? sentence(statement) : `${value} ${sentence(statement)}`;
}

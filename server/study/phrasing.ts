/**
 * Turns the graph's facts into English sentences with the patterns the
 * vocabulary gives ("{subject} {starts|start} in {value}"). Concepts read as a
 * proper name ("Docker", "Namespaces" with a plural verb) or, when the seeds
 * give a `noun`, as "a container runtime". Nothing here knows the topic.
 */
import type { GraphSnapshot, SnapshotConcept } from "./graph-snapshot.ts";

export interface Phrase {
  text: string;
  plural: boolean;
  /** A name spelled as its owners spell it ("rkt"): never capitalised. */
  proper?: boolean;
}

const VOWEL_SOUND = /^(?:[aeio]|u(?!ni|se|sa|su)|hour|honest)/i;

export function withArticle(noun: string): string {
  return `${VOWEL_SOUND.test(noun) ? "an" : "a"} ${noun}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How a concept reads inside a sentence: "a container runtime", "Docker", "Namespaces" (plural). */
export function conceptPhrase(concept: SnapshotConcept): Phrase {
  if (concept.noun) return { text: concept.uncountable ? concept.noun : withArticle(concept.noun), plural: false };
  return { text: concept.name, plural: concept.plural, proper: true };
}

/** The generic plural: "Virtual machines", "Docker" (a proper name stays as it is, with its own number). */
export function genericPhrase(concept: SnapshotConcept): Phrase {
  if (concept.noun && !concept.uncountable) return { text: concept.nounPlural ?? `${concept.noun}s`, plural: true };
  return conceptPhrase(concept);
}

/**
 * An aspect's pattern, with whether it speaks of the technology as a whole:
 * `{subjects}` ("{subjects} {has|have} a mature ecosystem") takes the generic
 * plural, `{subject}` one instance ("{subject} usually {starts|start} in …").
 */
export function aspectPattern(graph: GraphSnapshot, aspect: string): { pattern: string; generic: boolean } | null {
  const pattern = graph.aspectSentences.get(aspect);
  if (!pattern) return null;
  return pattern.includes("{subjects}") ? { pattern: pattern.replaceAll("{subjects}", "{subject}"), generic: true } : { pattern, generic: false };
}

/**
 * Fills a sentence pattern: `{subject}`, `{object}`, `{value}`, and `{is|are}`
 * chosen by the subject's number. The result starts with a capital and has no
 * final full stop (callers add the punctuation their sentence needs).
 */
export function fillPattern(pattern: string, parts: { subject: Phrase; object?: string; value?: string }, options: { start?: boolean } = {}): string {
  const filled = pattern.replace(/\{([^{}|]+)\|([^{}|]+)\}|\{(subject|object|value)\}/g, (_, singular: string, plural: string, slot: string) => {
    if (slot === "subject") return parts.subject.text;
    if (slot === "object") return parts.object ?? "";
    if (slot === "value") return parts.value ?? "";
    return parts.subject.plural ? plural : singular;
  });
  const text = filled.replace(/\s+/g, " ").trim().replace(/[.\s]+$/, "");
  // Mid-sentence (start: false) every word keeps its own case: "…and hardware virtualization contrasts with…".
  if (options.start === false || (parts.subject.proper && text.startsWith(parts.subject.text))) return text;
  return capitalise(text);
}

/** Whether a text opens with an article: a noun phrase ("A type 1 hypervisor…"), as most summaries are. */
export function startsWithArticle(text: string): boolean {
  return /^(A|An|The)\s/.test(text);
}

/** "A container…" → "a container…" for use mid-sentence; a proper name keeps its capital. */
export function lowerArticle(text: string): string {
  return startsWithArticle(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** A kind's label mid-sentence: "Container runtime" → "container runtime", but "CI/CD feature" keeps its acronym. */
export function lowerLabel(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** A sentence ending in one full stop. */
export function sentence(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, " ");
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** "A container starts in seconds": a concept's value on an aspect, as a sentence (no final stop). */
export function sayValue(graph: GraphSnapshot, subject: SnapshotConcept, aspect: string, value: string, options: { start?: boolean } = {}): string | null {
  const found = aspectPattern(graph, aspect);
  if (!found) return null;
  return fillPattern(found.pattern, { subject: found.generic ? genericPhrase(subject) : conceptPhrase(subject), value }, options);
}

/**
 * The same without its subject, as a choice reads: "Starts in seconds". Only
 * for patterns that begin with the subject; null otherwise. Always with the
 * singular verb, a pattern said of a whole technology too ("Packs more
 * workloads onto one host", not "Pack"): choices read side by side as what
 * one thing does, and one plural among them stood out as the odd one.
 */
export function sayPredicate(graph: GraphSnapshot, aspect: string, value: string): string | null {
  const found = aspectPattern(graph, aspect);
  if (!found?.pattern.startsWith("{subject} ")) return null;
  return fillPattern(found.pattern.slice("{subject} ".length), { subject: { text: "", plural: false }, value });
}

/** "Which usually starts in seconds" / "Which have a mature ecosystem": the value asked as a question (no mark). */
export function askValue(graph: GraphSnapshot, aspect: string, value: string): string | null {
  const found = aspectPattern(graph, aspect);
  if (!found) return null;
  return fillPattern(found.pattern, { subject: { text: "which", plural: found.generic }, value });
}

/** "Xen is a type 1 hypervisor": a relation as a sentence (no final stop). */
export function sayRelation(graph: GraphSnapshot, type: string, subject: SnapshotConcept, object: SnapshotConcept, options: { start?: boolean } = {}): string {
  const pattern = graph.relationSentences.get(type) || `{subject} ${graph.relationLabels.get(type) ?? type} {object}`;
  return fillPattern(pattern, { subject: conceptPhrase(subject), object: conceptPhrase(object).text }, options);
}

/** A choice naming a concept: "A container runtime" or "Docker". */
export function conceptChoice(concept: SnapshotConcept): string {
  return capitalise(conceptPhrase(concept).text);
}

/** Every way the text could name the concept: name, aliases, noun and its plural. */
export function namesOf(concept: SnapshotConcept): string[] {
  const names = [concept.name, ...concept.aliases];
  if (concept.noun) names.push(concept.noun, concept.nounPlural ?? `${concept.noun}s`);
  return names.filter((n) => n.trim().length > 0);
}

const lowerNames = new WeakMap<SnapshotConcept, string[]>();
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The character (a whole code point) at or just before a position of a text; "" at its ends. */
function charAt(text: string, at: number): string {
  const code = text.codePointAt(at);
  return code === undefined ? "" : String.fromCodePoint(code);
}
function charBefore(text: string, at: number): string {
  if (at <= 0) return "";
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : (text[at - 1] as string);
}

/**
 * Whether a text holds a phrase as whole words, in any case ("Docker" in "Docker's", not in "Dockerfile").
 * A plain search rather than a pattern built per phrase: compiling a Unicode-aware pattern for each
 * concept of a fresh region of a large graph cost more than the rest of making its quiz.
 */
export function holdsWord(text: string, phrase: string, lowerText = text.toLowerCase()): boolean {
  const lowerPhrase = phrase.toLowerCase();
  if (lowerPhrase.length === 0) return false;
  for (let at = lowerText.indexOf(lowerPhrase); at >= 0; at = lowerText.indexOf(lowerPhrase, at + 1)) {
    if (!LETTER_OR_DIGIT.test(charBefore(lowerText, at)) && !LETTER_OR_DIGIT.test(charAt(lowerText, at + lowerPhrase.length))) return true;
  }
  return false;
}

/** Whether a text names the concept (whole words, any case, a possessive included). */
export function mentions(text: string, concept: SnapshotConcept): boolean {
  let lower = lowerNames.get(concept);
  if (!lower) {
    lower = namesOf(concept).map((n) => n.toLowerCase());
    lowerNames.set(concept, lower);
  }
  const lowerText = text.toLowerCase();
  return lower.some((name) => holdsWord(text, name, lowerText));
}

const SMALL_WORDS = new Set(["the", "and", "for", "with", "its", "own", "one", "per", "inside", "into", "from", "that", "this"]);

/** The words of a concept's names, lower-cased, each also with a plural "s" (names of three letters or more). */
function nameWords(concept: SnapshotConcept): Set<string> {
  const words = new Set<string>();
  for (const name of namesOf(concept)) {
    for (const word of name.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (word.length < 3 || SMALL_WORDS.has(word)) continue;
      words.add(word);
      words.add(word.endsWith("s") ? word.slice(0, -1) : `${word}s`);
    }
  }
  return words;
}

/**
 * Whether a text points at one concept rather than the others by a word of its
 * name ("needs a Windows kernel" when the choices are Linux and Windows
 * containers). Words all the concepts share ("container") point at none.
 */
export function pointsAt(text: string, concept: SnapshotConcept, others: SnapshotConcept[]): boolean {
  if (mentions(text, concept)) return true;
  const shared = new Set<string>();
  for (const other of others) for (const word of nameWords(other)) shared.add(word);
  const own = [...nameWords(concept)].filter((w) => !shared.has(w));
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
  return own.some((name) => words.some((word) => sameStem(word, name)));
}

/** "build" ~ "buildah", "building" ~ "buildah", "virtualizes" ~ "virtualization": one word (or its root) starts the other, or both share a long start. */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  // A word's root without its ending: "building" points at Buildah, "contains" at a container.
  const root = (w: string) => w.replace(/(?:ing|ed|es|s)$/, "");
  for (const [word, name] of [[a, b], [b, a]] as const) {
    const r = root(word);
    if (r.length >= 5 && r !== word && name.startsWith(r)) return true;
  }
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && long.startsWith(short)) return true;
  let common = 0;
  while (common < short.length && short[common] === long[common]) common++;
  return common >= 6 && common >= short.length * 0.75;
}

/** "A, B and C" (or "A, B or C": other names are alternatives). */
export function listOf(items: string[], conjunction: "and" | "or" = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}

/** A text's words of four letters or more, lower-cased: the words that carry its content. */
export function contentWords(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4);
}

/**
 * The content words of `text` that `said` does not already say: a word counts as said when one of its
 * words begins it or it begins one ("emulated" and "emulate", "virtual" and "virtualization").
 */
export function wordsNotIn(text: string, said: string): string[] {
  const theirs = contentWords(said);
  return contentWords(text).filter((w) => !theirs.some((t) => t.startsWith(w) || w.startsWith(t)));
}

/** Whether most of a text's content words are already said: a sentence that adds it says the same again in other words. */
export function saysMostlyAgain(text: string, said: string): boolean {
  const words = contentWords(text).length;
  return (words - wordsNotIn(text, said).length) * 2 > words;
}

/**
 * Whether two phrases share a content word, or one's word begins the other's: "host operating system"
 * and "System software" share "system"; "Hyper-V" begins "Hypervisor"; "virtual" begins "virtualization".
 */
export function sharesWord(a: string, b: string): boolean {
  return wordsNotIn(a, b).length < contentWords(a).length;
}

/** The sentences of a text (a description can run long), in order, its spacing made single. */
export function sentencesOf(text: string): string[] {
  const flat = text.replace(/\s+/g, " ").trim();
  return (flat.match(/[^.!?]+[.!?]+(?=\s|$)/g) ?? [flat]).map((sentence) => sentence.trim());
}

/** The first sentence of a text. */
export function firstSentence(text: string): string {
  return sentencesOf(text)[0] ?? "";
}

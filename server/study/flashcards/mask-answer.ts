/**
 * Keeping a card's answer off its front: finding a name (or an alias) in a text
 * as a whole phrase, masking it, and telling whether a front gives an answer away.
 *
 * A phrase matches case-insensitively on word boundaries, with the plural and
 * possessive endings English adds ("container" finds "containers" and
 * "Container's"), and with spaces and hyphens interchangeable ("daemon-less"
 * finds "daemon less").
 */

/** What a masked name reads as on a card's front (Anki's cloze marker). */
export const MASK = "[…]";

// Words too common to single out a concept when masking the words of a name one by one.
const COMMON_WORDS = new Set(["the", "and", "for", "with", "of", "on", "in", "to", "a", "an", "by", "or", "as", "at"]);

interface Token {
  lower: string;
  start: number;
  end: number;
}

// Compiled once: a regular expression per phrase, with Unicode classes and case
// folding, costs milliseconds to compile — minutes over a big graph's cards.
const WORD = /[\p{L}\p{N}]+/gu;
const SPACE_OR_HYPHEN = /[\s\-‐–]+/gu;

function tokens(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => ({ lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
}

/** What separates two words, with any run of spaces and hyphens read as one space. */
function separator(text: string): string {
  return text.replace(SPACE_OR_HYPHEN, " ");
}

interface Phrase {
  words: string[];
  separators: string[];
}

// Names recur on many cards (a target on every card that names it): parse each once.
const parsed = new Map<string, Phrase | null>();
const MAX_PARSED = 200_000;

function phrase(text: string): Phrase | null {
  const known = parsed.get(text);
  if (known !== undefined) return known;
  const found = tokens(text);
  const result =
    found.length === 0
      ? null
      : { words: found.map((t) => t.lower), separators: found.slice(1).map((t, i) => separator(text.slice(found[i]?.end, t.start))) };
  if (parsed.size >= MAX_PARSED) parsed.clear();
  parsed.set(text, result);
  return result;
}

/** Where the phrases occur in the text as whole words, longest first and not overlapping. */
function occurrences(text: string, phrases: Iterable<string>): { start: number; end: number }[] {
  const lowerText = text.toLowerCase();
  let wanted: Phrase[] | null = null;
  for (const p of phrases) {
    const found = phrase(p);
    // Most texts name none of the phrases: tokenize only when a first word occurs at all.
    if (found && lowerText.includes(found.words[0] as string)) (wanted ??= []).push(found);
  }
  if (!wanted) return [];
  wanted.sort((a, b) => b.words.length - a.words.length);
  const words = tokens(text);
  // A phrase's last word may take a plural ending: "container" finds "containers".
  const sameWord = (found: string, word: string, last: boolean) => found === word || (last && (found === `${word}s` || found === `${word}es`));
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    const match = wanted.find(({ words: expected, separators }) =>
      expected.every((word, j) => {
        const at = words[i + j];
        if (!at || !sameWord(at.lower, word, j === expected.length - 1)) return false;
        return j === 0 || separator(text.slice(words[i + j - 1]?.end, at.start)) === separators[j - 1];
      }),
    );
    if (!match) continue;
    spans.push({ start: (words[i] as Token).start, end: (words[i + match.words.length - 1] as Token).end });
    i += match.words.length - 1;
  }
  return spans;
}

/** Whether `text` contains any of the phrases (a name or an alias) as whole words. */
export function mentions(text: string, phrases: Iterable<string>): boolean {
  return occurrences(text, phrases).length > 0;
}

/** The text with every phrase (a name, an alias) masked. */
export function maskPhrases(text: string, phrases: readonly string[]): string {
  let masked = "";
  let at = 0;
  for (const { start, end } of occurrences(text, phrases)) {
    masked += text.slice(at, start) + MASK;
    at = end;
  }
  return masked + text.slice(at);
}

/**
 * Words that single a name out on their own: "Amazon" of "Amazon Web Services",
 * "Linux" of the common noun "Linux container". A proper name's capitalised
 * words (and those with digits), a common noun's capitalised words; never a
 * plain word such as "container" of "Container image" (its noun is lower-case).
 */
export function distinctiveWords(concept: { name: string; aliases: readonly string[]; noun: string | null }): string[] {
  const sources = concept.noun ? [concept.noun] : [concept.name, ...concept.aliases];
  return [
    ...new Set(
      sources
        .flatMap((name) => name.split(/[\s/]+/u))
        .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
        .filter((word) => word.length >= 3 && /[\p{Lu}\p{N}]/u.test(word) && !COMMON_WORDS.has(word.toLowerCase())),
    ),
  ];
}

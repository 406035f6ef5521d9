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

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const LETTER_BEFORE = "(?<![\\p{L}\\p{N}])";
const LETTER_AFTER = "(?![\\p{L}\\p{N}])";

/** The regular-expression source matching a phrase as a whole, plural or possessive endings included. */
function phraseSource(phrase: string): string | null {
  const words = phrase
    .trim()
    .split(/[\s\-‐–]+/u)
    .filter(Boolean)
    .map(escape);
  if (words.length === 0) return null;
  return `${LETTER_BEFORE}${words.join("[\\s\\-‐–]+")}(?:s|es)?${LETTER_AFTER}`;
}

function phrasesPattern(phrases: Iterable<string>, flags: string): RegExp | null {
  // Longest first, so "Docker Hub" is masked whole rather than as "[…] Hub".
  const sources = [...new Set([...phrases].map((p) => p.trim()).filter((p) => p.length > 0))]
    .sort((a, b) => b.length - a.length)
    .map(phraseSource)
    .filter((s): s is string => s !== null);
  return sources.length ? new RegExp(sources.join("|"), flags) : null;
}

/** Whether `text` contains any of the phrases (a name or an alias) as a whole phrase. */
export function mentions(text: string, phrases: Iterable<string>): boolean {
  return phrasesPattern(phrases, "iu")?.test(text) ?? false;
}

/** The text with every phrase (a name, an alias) masked. */
export function maskPhrases(text: string, phrases: readonly string[]): string {
  const whole = phrasesPattern(phrases, "giu");
  return whole ? text.replace(whole, MASK) : text;
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

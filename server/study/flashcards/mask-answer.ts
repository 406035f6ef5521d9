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

/**
 * The text with every phrase masked, and also every word of a name that the text
 * writes with a capital mid-phrase — "Amazon's cloud" for "Amazon Web Services"
 * reads "[…]'s cloud" — since a capitalised word of the answer's name is a
 * giveaway while a common word ("containers" in a container image's summary) is not.
 */
export function maskPhrases(text: string, phrases: readonly string[], nameWords: readonly string[] = []): string {
  let masked = text;
  const whole = phrasesPattern(phrases, "giu");
  if (whole) masked = masked.replace(whole, MASK);
  const capitalised = nameWords
    .flatMap((name) => name.split(/[\s\-‐–/]+/u))
    .filter((word) => word.length >= 3 && !COMMON_WORDS.has(word.toLowerCase()) && /\p{L}/u.test(word))
    .map((word) => word[0]?.toUpperCase() + word.slice(1));
  const words = phrasesPattern(capitalised, "gu");
  if (words) masked = masked.replace(words, MASK);
  // "[…] […]" where a name was masked word by word reads as one gap.
  return masked.replace(/\[…\](?:[\s\-‐–]+\[…\])+/gu, MASK);
}

/**
 * Snippets for search results: a short piece of text cut into spans, the
 * words that matched the query marked. Plain text in, plain text out: the
 * client decides how a marked span looks (and never has to parse markup).
 */

export interface TextSpan {
  text: string;
  highlight: boolean;
}

// Words full-text search ignores, so they are never marked either.
const STOP_WORDS = new Set(
  "a an and are as at be by for from has have in is it its of on or that the to was were with what which how".split(" "),
);

const WORD = /[\p{L}\p{N}]+/gu;

/** A crude English stem, enough to mark "containers" for "container" and "isolated" for "isolation". */
function stem(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 4) return w;
  return w.replace(/(?:ations?|ingly|ings?|ies|es|ed|ly|s)$/u, "");
}

/** The words of a query or name worth marking: lower-cased, two letters or more, no stop words. */
export function termsOf(...texts: string[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    for (const [word] of text.matchAll(WORD)) {
      const lower = word.toLowerCase();
      if (lower.length >= 2 && !STOP_WORDS.has(lower)) terms.add(lower);
    }
  }
  return [...terms];
}

function matches(word: string, terms: readonly string[]): boolean {
  const lower = word.toLowerCase();
  const stemmed = stem(lower);
  return terms.some((term) => lower === term || stemmed === stem(term) || (term.length >= 3 && lower.startsWith(term)));
}

/** The whole text as spans, each matching word marked (neighbouring marked words and the space between join one span). */
export function highlight(text: string, terms: readonly string[]): TextSpan[] {
  const spans: TextSpan[] = [];
  const push = (piece: string, marked: boolean) => {
    if (piece === "") return;
    const last = spans.at(-1);
    if (last && last.highlight === marked) last.text += piece;
    else spans.push({ text: piece, highlight: marked });
  };
  let at = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const gap = text.slice(at, start);
    const marked = terms.length > 0 && matches(match[0], terms);
    // A space between two marked words belongs to the marked span ("Virtual machine").
    push(gap, marked && spans.at(-1)?.highlight === true && /^\s+$/u.test(gap));
    push(match[0], marked);
    at = start + match[0].length;
  }
  push(text.slice(at), false);
  return spans;
}

export function hasHighlight(spans: readonly TextSpan[]): boolean {
  return spans.some((s) => s.highlight);
}

/**
 * At most about `maxLength` characters of the text around its first marked
 * word, cut at word boundaries, with "…" where it was cut.
 */
export function snippet(text: string, terms: readonly string[], maxLength = 180): TextSpan[] {
  const flat = text.replace(/\s+/gu, " ").trim();
  const spans = highlight(flat, terms);
  if (flat.length <= maxLength) return spans;
  // Where the first marked word starts, in the flat text.
  let offset = 0;
  let firstMark = 0;
  for (const span of spans) {
    if (span.highlight) {
      firstMark = offset;
      break;
    }
    offset += span.text.length;
  }
  let start = Math.max(0, firstMark - Math.floor(maxLength / 3));
  if (start > 0) {
    const space = flat.indexOf(" ", start);
    start = space === -1 || space > firstMark ? start : space + 1;
  }
  let end = Math.min(flat.length, start + maxLength);
  if (end < flat.length) {
    const space = flat.lastIndexOf(" ", end);
    if (space > start) end = space;
  }
  const cut = highlight(flat.slice(start, end).replace(/[\s,;:]+$/u, ""), terms);
  if (start > 0) cut.unshift({ text: "…", highlight: false });
  if (end < flat.length) cut.push({ text: "…", highlight: false });
  // "…" joins its neighbour when both are plain.
  return cut.reduce<TextSpan[]>((all, span) => {
    const last = all.at(-1);
    if (last && last.highlight === span.highlight) last.text += span.text;
    else all.push({ ...span });
    return all;
  }, []);
}
